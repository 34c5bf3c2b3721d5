package org.gongzhi.people.domain;

import java.util.Locale;
import java.util.Map;

import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * The pinyin of a name for the search box: full pinyin (zhangsanfeng) and initials (zsf). The first character is
 * read as a surname, whose reading often differs from the character's most common one (单 shan, 曾 zeng, 解 xie).
 */
public final class NamePinyin {

	/** Surnames whose reading as a surname is not the first reading the dictionary gives. */
	private static final Map<Character, String> SURNAMES = Map.ofEntries(Map.entry('单', "shan"),
			Map.entry('曾', "zeng"), Map.entry('解', "xie"), Map.entry('仇', "qiu"), Map.entry('区', "ou"),
			Map.entry('朴', "piao"), Map.entry('查', "zha"), Map.entry('覃', "qin"), Map.entry('翟', "zhai"),
			Map.entry('盖', "ge"), Map.entry('缪', "miao"), Map.entry('尉', "yu"), Map.entry('乐', "yue"),
			Map.entry('员', "yun"), Map.entry('召', "shao"), Map.entry('沈', "shen"), Map.entry('柏', "bai"),
			Map.entry('秘', "bi"), Map.entry('重', "chong"), Map.entry('种', "chong"), Map.entry('华', "hua"),
			Map.entry('任', "ren"), Map.entry('葛', "ge"), Map.entry('句', "gou"), Map.entry('薄', "bo"),
			Map.entry('宁', "ning"), Map.entry('长', "chang"), Map.entry('调', "diao"), Map.entry('藏', "zang"),
			Map.entry('贲', "ben"), Map.entry('粘', "nian"), Map.entry('折', "she"), Map.entry('隗', "wei"),
			Map.entry('繁', "po"), Map.entry('蕃', "pi"), Map.entry('冯', "feng"), Map.entry('石', "shi"),
			Map.entry('车', "che"), Map.entry('贾', "jia"), Map.entry('莫', "mo"), Map.entry('殷', "yin"),
			Map.entry('都', "du"), Map.entry('阚', "kan"), Map.entry('秦', "qin"), Map.entry('曲', "qu"),
			Map.entry('洗', "xian"), Map.entry('冼', "xian"), Map.entry('万', "wan"), Map.entry('过', "guo"));

	private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();

	static {
		FORMAT.setCaseType(HanyuPinyinCaseType.LOWERCASE);
		FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
		FORMAT.setVCharType(HanyuPinyinVCharType.WITH_V);
	}

	private NamePinyin() {
	}

	/** The pinyin of a name: full (no spaces) and initials, both lower case. */
	public record Reading(String full, String initials) {
	}

	public static Reading of(String name) {
		StringBuilder full = new StringBuilder();
		StringBuilder initials = new StringBuilder();
		if (name == null) {
			return new Reading("", "");
		}
		String n = name.strip();
		for (int i = 0; i < n.length(); i++) {
			char c = n.charAt(i);
			String syllable = syllable(c, i == 0);
			if (syllable == null) {
				if (Character.isLetterOrDigit(c) && c < 128) {
					String s = String.valueOf(c).toLowerCase(Locale.ROOT);
					full.append(s);
					initials.append(s);
				}
				continue;
			}
			full.append(syllable);
			initials.append(syllable.charAt(0));
		}
		return new Reading(cut(full, 300), cut(initials, 60));
	}

	private static String syllable(char c, boolean surname) {
		if (surname && SURNAMES.containsKey(c)) {
			return SURNAMES.get(c);
		}
		if (Character.UnicodeScript.of(c) != Character.UnicodeScript.HAN) {
			return null;
		}
		try {
			String[] readings = PinyinHelper.toHanyuPinyinStringArray(c, FORMAT);
			return readings == null || readings.length == 0 ? null : readings[0];
		}
		catch (BadHanyuPinyinOutputFormatCombination ex) {
			return null;
		}
	}

	private static String cut(StringBuilder b, int max) {
		return b.length() > max ? b.substring(0, max) : b.toString();
	}

}
