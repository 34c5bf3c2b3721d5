package org.gongzhi.people;

/**
 * A member of a household as the household view lists them, numbers masked.
 */
public record HouseholdMember(long residentId, String name, Gender gender, Integer age, HouseholdRelation relation,
		String idNumberMasked, String phoneMasked, ResidentState state) {
}
