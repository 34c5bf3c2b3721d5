package org.gongzhi.people.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import org.gongzhi.cases.ReporterDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The registry's answer to the case desk's question who reported a case (诉求人与实有人口关联). The phone number of a
 * hotline call is turned into its keyed blind index here and compared with the residents' phone indexes; the number
 * itself is neither logged, stored nor published. Only a phone held by exactly one living resident links a case, so
 * a family sharing one phone links nobody rather than the wrong person.
 */
@Component
class CaseReporterLookup implements ReporterDirectory {

	private final JdbcClient jdbc;

	private final PeopleCrypto crypto;

	CaseReporterLookup(JdbcClient jdbc, PeopleCrypto crypto) {
		this.jdbc = jdbc;
		this.crypto = crypto;
	}

	@Override
	public OptionalLong residentWithPhone(String phone) {
		if (!Phones.valid(phone)) {
			return OptionalLong.empty();
		}
		List<Long> ids = jdbc.sql("select id from people.resident where phone_index = :phone and state = 'LIVING' limit 2")
			.param("phone", crypto.index(ResidentRecord.PHONE_DOMAIN, Phones.digits(phone.strip())))
			.query(Long.class).list();
		return ids.size() == 1 ? OptionalLong.of(ids.get(0)) : OptionalLong.empty();
	}

	@Override
	public Map<String, Long> residentsWithPhones(Collection<String> phones) {
		Map<String, List<String>> phonesByIndex = new HashMap<>();
		for (String phone : phones) {
			if (phone != null && Phones.valid(phone)) {
				phonesByIndex.computeIfAbsent(HexFormat.of().formatHex(
						crypto.index(ResidentRecord.PHONE_DOMAIN, Phones.digits(phone.strip()))), k -> new ArrayList<>())
					.add(phone);
			}
		}
		Map<String, Long> found = new HashMap<>();
		if (phonesByIndex.isEmpty()) {
			return found;
		}
		jdbc.sql("""
				select encode(phone_index, 'hex'), min(id) from people.resident
				 where phone_index = any(select decode(h, 'hex') from unnest(cast(:indexes as text[])) h)
				   and state = 'LIVING'
				 group by phone_index having count(*) = 1
				""").param("indexes", phonesByIndex.keySet().toArray(String[]::new))
			.query((rs, n) -> {
				long id = rs.getLong(2);
				phonesByIndex.get(rs.getString(1)).forEach(phone -> found.put(phone, id));
				return id;
			}).list();
		return found;
	}

	@Override
	public boolean residentExists(long residentId) {
		return jdbc.sql("select exists (select 1 from people.resident where id = :id)").param("id", residentId)
			.query(Boolean.class).single();
	}

}
