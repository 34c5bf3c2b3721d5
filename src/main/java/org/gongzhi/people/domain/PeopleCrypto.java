package org.gongzhi.people.domain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Protects personal numbers at rest: AES-256-GCM encryption with a random nonce per value, and keyed HMAC-SHA256
 * blind indexes that find a value (or its last four characters) without decrypting anything. Both sub-keys are
 * derived from the one configured master key.
 */
public final class PeopleCrypto {

	private static final byte VERSION = 1;

	private static final int NONCE = 12;

	private static final int TAG_BITS = 128;

	private final SecretKeySpec encryptionKey;

	private final byte[] indexKey;

	private final byte[] checkValue;

	private final SecureRandom random = new SecureRandom();

	private final ThreadLocal<Mac> indexMac;

	public PeopleCrypto(byte[] masterKey) {
		if (masterKey == null || masterKey.length != 32) {
			throw new IllegalArgumentException("the people key must be 32 bytes");
		}
		this.encryptionKey = new SecretKeySpec(hmac(masterKey, "gongzhi/people/aes-gcm"), "AES");
		this.indexKey = hmac(masterKey, "gongzhi/people/blind-index");
		this.checkValue = hmac(masterKey, "gongzhi/people/key-check");
		this.indexMac = ThreadLocal.withInitial(() -> mac(indexKey));
	}

	/** Encrypts a value; null stays null. The result is a version byte, the nonce, and the ciphertext with its tag. */
	public byte[] encrypt(String plain) {
		if (plain == null) {
			return null;
		}
		try {
			byte[] nonce = new byte[NONCE];
			random.nextBytes(nonce);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(new byte[] { VERSION });
			byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
			return ByteBuffer.allocate(1 + NONCE + sealed.length).put(VERSION).put(nonce).put(sealed).array();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("encryption failed", ex);
		}
	}

	public String decrypt(byte[] stored) {
		if (stored == null) {
			return null;
		}
		if (stored.length < 1 + NONCE + TAG_BITS / 8 || stored[0] != VERSION) {
			throw new IllegalStateException("unknown ciphertext format");
		}
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, stored, 1, NONCE));
			cipher.updateAAD(new byte[] { VERSION });
			return new String(cipher.doFinal(stored, 1 + NONCE, stored.length - 1 - NONCE), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("decryption failed (wrong key or damaged value)", ex);
		}
	}

	/** The blind index of a whole value within a domain (e.g. phone or id), for exact search and uniqueness. */
	public byte[] index(String domain, String value) {
		if (value == null) {
			return null;
		}
		Mac mac = indexMac.get();
		mac.reset();
		return mac.doFinal((domain + ":" + value).getBytes(StandardCharsets.UTF_8));
	}

	/** The blind index of the last four characters of a value, as a 64-bit number. */
	public Long tail(String domain, String lastFour) {
		if (lastFour == null) {
			return null;
		}
		return ByteBuffer.wrap(index(domain + "-tail", lastFour), 0, 8).getLong();
	}

	/** A value derived from the key that tells whether data was encrypted with this key. */
	public byte[] checkValue() {
		return checkValue.clone();
	}

	public boolean matches(byte[] storedCheckValue) {
		return MessageDigest.isEqual(checkValue, storedCheckValue);
	}

	private static byte[] hmac(byte[] key, String label) {
		return mac(key).doFinal(label.getBytes(StandardCharsets.UTF_8));
	}

	private static Mac mac(byte[] key) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(Arrays.copyOf(key, key.length), "HmacSHA256"));
			return mac;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
