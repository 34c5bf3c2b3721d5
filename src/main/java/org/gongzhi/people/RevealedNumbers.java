package org.gongzhi.people;

/**
 * A resident's full ID and phone numbers, answered only to a user granted the reveal permission and audit-logged.
 */
public record RevealedNumbers(long residentId, String idNumber, String phone) {
}
