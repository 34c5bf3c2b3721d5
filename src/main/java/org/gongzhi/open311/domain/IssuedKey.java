package org.gongzhi.open311.domain;

/**
 * A newly created client with its API key in clear text: shown to the administrator once and never again.
 */
public record IssuedKey(Open311Client client, String apiKey) {
}
