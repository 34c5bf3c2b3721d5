package org.gongzhi.open311.domain;

/**
 * The service request a token stands for; requests are filed synchronously, so the token is the case number itself.
 */
public record TokenView(String serviceRequestId, String token) {
}
