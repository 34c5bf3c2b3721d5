package org.gongzhi.cases;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/**
 * The fields an action on a case may carry; each action reads the ones it needs (e.g. {@code dispatch} reads
 * {@code unitType} + {@code unitCode}, {@code verify} reads {@code passed}, {@code rate} reads {@code satisfaction},
 * {@code whistle} reads {@code departments}, {@code merge} reads {@code targetCaseNo}, {@code extend} reads
 * {@code hours}, {@code approve-extension} reads {@code approved}).
 *
 * @param version the case version the user saw; a stale one is refused with 409 (optional)
 */
public record CaseActionCmd(
		@Size(max = 2000, message = "{case.note.size}") String note,
		UnitType unitType,
		@Size(max = 32) String unitCode,
		Boolean passed,
		Satisfaction satisfaction,
		@Size(max = 10) List<@Size(max = 32) String> departments,
		@Size(max = 24) String targetCaseNo,
		@Min(value = 1, message = "{case.hours.range}") @Max(value = 720, message = "{case.hours.range}") Integer hours,
		Boolean approved,
		@Size(max = 9, message = "{case.photos.size}") List<@Size(max = 2000) String> photos,
		Integer version) {

	public static CaseActionCmd note(String note) {
		return new CaseActionCmd(note, null, null, null, null, null, null, null, null, null, null);
	}

}
