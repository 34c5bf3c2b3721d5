package org.gongzhi.open311.domain;

/**
 * The answer to a filed service request: the case number, a notice for the reporter and the (unused) account id.
 */
public record Receipt(String serviceRequestId, String serviceNotice, String accountId) {
}
