package org.gongzhi.cases;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Who a case's reporter is in the resident registry (实有人口), asked once at intake so the person card can list the
 * cases a resident reported. The cases module owns this interface and the people module implements it: cases never
 * depends on people, and people may read cases through the case facade, so the modules stay free of cycles. Without
 * an implementation cases are filed unlinked.
 * <p>
 * Privacy: the full phone number a hotline clerk types exists only during intake. The desk hands it to this lookup in
 * memory, inside the intake transaction, where the registry compares it through its keyed blind index; it is never
 * stored or published. The case keeps the masked phone and the resident id alone, and the CaseReported event carries
 * only the resident id, since Spring Modulith persists event publications in the database.
 */
public interface ReporterDirectory {

	/**
	 * The one resident living in the registry's area whose phone number is exactly this one; empty when nobody or
	 * more than one resident has it (a shared family phone links nobody rather than the wrong person).
	 */
	OptionalLong residentWithPhone(String phone);

	/**
	 * The same question for many phone numbers at once (intakes written together): each number exactly one living
	 * resident has, with that resident's id; numbers nobody or several residents have are left out.
	 */
	default Map<String, Long> residentsWithPhones(Collection<String> phones) {
		Map<String, Long> found = new HashMap<>();
		for (String phone : phones) {
			residentWithPhone(phone).ifPresent(id -> found.put(phone, id));
		}
		return found;
	}

	/** Whether a resident with this id is registered (an id sent with a case must name one). */
	boolean residentExists(long residentId);

}
