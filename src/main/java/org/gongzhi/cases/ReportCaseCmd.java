package org.gongzhi.cases;

import java.util.List;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * A new case from any channel. Either a point ({@code lng} + {@code lat}, WGS-84) or an {@code address} is needed.
 *
 * @param requestKind 诉求类型, defaults to {@link RequestKind#COMPLAINT} when absent
 * @param photos photo URLs or data references, at most 9
 * @param channel where it came from; set by the intake endpoint, not by the client
 * @param open311Client the Open311 client that filed it, if any
 * @param reporterResidentId the reporter's id in the resident registry (实有人口) when the caller knows it; without it a
 * hotline reporter's phone that matches exactly one resident links the case to them
 */
public record ReportCaseCmd(
		@NotBlank(message = "{case.category.required}") String categoryCode,
		RequestKind requestKind,
		@NotBlank(message = "{case.description.required}") @Size(max = 2000, message = "{case.description.size}") String description,
		@DecimalMin(value = "-180", message = "{case.lng.range}") @DecimalMax(value = "180", message = "{case.lng.range}") Double lng,
		@DecimalMin(value = "-90", message = "{case.lat.range}") @DecimalMax(value = "90", message = "{case.lat.range}") Double lat,
		@Size(max = 300, message = "{case.address.size}") String address,
		@Size(max = 50, message = "{case.reporterName.size}") String reporterName,
		@Pattern(regexp = "^$|^1\\d{10}$|^0\\d{2,3}-?\\d{7,8}$", message = "{case.reporterPhone.pattern}") String reporterPhone,
		@Size(max = 9, message = "{case.photos.size}") List<@Size(max = 2000) String> photos,
		Channel channel,
		String open311Client,
		@Positive(message = "{case.reporterResident.unknown}") Long reporterResidentId) {

	/** A command without a known resident (the resident is then looked up by the reporter's phone). */
	public ReportCaseCmd(String categoryCode, RequestKind requestKind, String description, Double lng, Double lat,
			String address, String reporterName, String reporterPhone, List<String> photos, Channel channel,
			String open311Client) {
		this(categoryCode, requestKind, description, lng, lat, address, reporterName, reporterPhone, photos, channel,
				open311Client, null);
	}

	/** The same command arriving through another channel. */
	public ReportCaseCmd via(Channel channel, String open311Client) {
		return new ReportCaseCmd(categoryCode, requestKind, description, lng, lat, address, reporterName, reporterPhone,
				photos, channel, open311Client, reporterResidentId);
	}

}
