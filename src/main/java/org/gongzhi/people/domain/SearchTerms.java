package org.gongzhi.people.domain;

import java.util.Locale;

/**
 * What the one search box was given: the last four digits of a phone or ID number, a whole phone or ID number, pinyin
 * (initials or full), or text (a name or an address).
 */
record SearchTerms(Kind kind, String value) {

	/** The kinds of input the box tells apart. */
	enum Kind {
		TAIL, PHONE, ID, PINYIN, TEXT
	}

	static SearchTerms of(String q) {
		if (q == null || q.isBlank()) {
			return null;
		}
		String t = q.strip();
		String compact = t.replaceAll("\\s+", "");
		if (compact.matches("\\d{3}[\\dXx]")) {
			return new SearchTerms(Kind.TAIL, compact.toUpperCase(Locale.ROOT));
		}
		if (compact.matches(Phones.PATTERN)) {
			return new SearchTerms(Kind.PHONE, Phones.digits(compact));
		}
		if (compact.matches("\\d+-\\d+-\\d{3,4}")) {
			return new SearchTerms(Kind.TEXT, compact);
		}
		if (compact.matches("[0-9A-Za-z()\\-]{5,40}") && compact.matches(".*\\d.*")) {
			return new SearchTerms(Kind.ID, IdNumbers.normalise(compact));
		}
		if (compact.matches("[A-Za-z]{1,60}")) {
			return new SearchTerms(Kind.PINYIN, compact.toLowerCase(Locale.ROOT));
		}
		return new SearchTerms(Kind.TEXT, t);
	}

	/** A LIKE pattern matching values that begin with the text. */
	static String startsWith(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
	}

}
