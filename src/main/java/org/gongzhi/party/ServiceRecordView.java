package org.gongzhi.party;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One service record (服务记录) against a claimed post, with whether the community has confirmed it.
 */
public record ServiceRecordView(long id, long claimId, long postId, String postTitle, long memberId, String memberName,
		LocalDate servedOn, BigDecimal hours, String what, String status) {
}
