package org.gongzhi.open311.domain;

import java.util.List;
import java.util.Map;

/**
 * The fields of {@code POST requests} as the client sent them (all text, unchecked); {@link GeoReport#submit} checks
 * them.
 *
 * @param attributes answers by attribute code ({@code attribute[code]=value}, several for a multivaluelist)
 */
public record NewServiceRequest(String apiKey, String serviceCode, String lat, String lng, String addressString,
		String addressId, String email, String deviceId, String accountId, String firstName, String lastName,
		String phone, String description, String mediaUrl, Map<String, List<String>> attributes) {

	public NewServiceRequest {
		attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
	}

}
