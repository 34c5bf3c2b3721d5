package org.gongzhi.people.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gongzhi.area.AreaLevel;
import org.gongzhi.identity.GongzhiUser;
import org.gongzhi.people.Gender;
import org.gongzhi.people.GroupKind;
import org.gongzhi.people.HouseholdRelation;
import org.gongzhi.people.IdType;
import org.gongzhi.people.PersonGroupView;
import org.gongzhi.people.RegistrationStatus;

/**
 * The rules every new or changed resident passes, whether typed into a form, sent to the API, read from an Excel row
 * or handed over in bulk: required fields, the GB 11643 check and the birth date and gender it encodes, the phone
 * format, a known standard address inside the caller's scope, and known groups (key groups only with a grant).
 */
final class ResidentRules {

	static final String NAME = "姓名";

	static final String GENDER = "性别";

	static final String ETHNICITY = "民族";

	static final String BIRTH_DATE = "出生日期";

	static final String ID_TYPE = "证件类型";

	static final String ID_NUMBER = "证件号码";

	static final String PHONE = "联系电话";

	static final String STATUS = "户籍类型";

	static final String REGISTERED_ADDRESS = "户籍地址";

	static final String COMMUNITY = "社区编码";

	static final String BUILDING = "楼栋";

	static final String UNIT = "单元";

	static final String ROOM = "房号";

	static final String RELATION = "与户主关系";

	static final String GROUPS = "关爱类别";

	static final String NOTE = "备注";

	/** The template's headers, in order. */
	static final List<String> HEADERS = List.of(NAME, GENDER, ETHNICITY, BIRTH_DATE, ID_TYPE, ID_NUMBER, PHONE, STATUS,
			REGISTERED_ADDRESS, COMMUNITY, BUILDING, UNIT, ROOM, RELATION, GROUPS, NOTE);

	/** The API field each column corresponds to (for field errors of the form and the API). */
	static final Map<String, String> FIELDS = Map.ofEntries(Map.entry(NAME, "name"), Map.entry(GENDER, "gender"),
			Map.entry(ETHNICITY, "ethnicity"), Map.entry(BIRTH_DATE, "birthDate"), Map.entry(ID_TYPE, "idType"),
			Map.entry(ID_NUMBER, "idNumber"), Map.entry(PHONE, "phone"), Map.entry(STATUS, "registrationStatus"),
			Map.entry(REGISTERED_ADDRESS, "registeredAddress"), Map.entry(COMMUNITY, "livingRoomCode"),
			Map.entry(BUILDING, "livingRoomCode"), Map.entry(UNIT, "livingRoomCode"), Map.entry(ROOM, "livingRoomCode"),
			Map.entry(RELATION, "relation"), Map.entry(GROUPS, "groupCodes"), Map.entry(NOTE, "note"));

	private ResidentRules() {
	}

	/** One problem: the column it concerns and a message key with its arguments. */
	record Problem(String column, String key, Object... args) {
	}

	/** A resident to check, typed; a column already found unreadable is listed in flagged and not checked again. */
	static final class Draft {

		String name;

		Gender gender;

		String ethnicity;

		LocalDate birthDate;

		IdType idType;

		String idNumber;

		String phone;

		RegistrationStatus status;

		String registeredAddress;

		String registeredAreaCode;

		String livingRoomCode;

		AddressBook.Place livingPlace;

		HouseholdRelation relation;

		List<String> groupCodes = new ArrayList<>();

		List<String> tags = new ArrayList<>();

		String note;

		LocalDate movedInOn;

		final Set<String> flagged = new LinkedHashSet<>();

		/** Whether the ID number and phone are kept from the stored record (a change that leaves them blank). */
		boolean keepNumbers;

	}

	/** What the rules need to know besides the draft. */
	record Context(GongzhiUser caller, PeopleAccess.Grants grants, Map<String, PersonGroupView> groups,
			AddressBook addresses, LocalDate today) {

		boolean system() {
			return caller == null;
		}

	}

	/** Checks a draft and, when it passes, fills the record (numbers encrypted and indexed by the caller). */
	static List<Problem> check(Draft d, Context ctx, ResidentRecord out, PeopleCrypto crypto) {
		List<Problem> problems = new ArrayList<>();
		if (!d.flagged.contains(NAME)) {
			if (d.name == null || d.name.isBlank()) {
				problems.add(new Problem(NAME, "people.name.required"));
			}
			else if (d.name.strip().length() > 50) {
				problems.add(new Problem(NAME, "people.name.size"));
			}
		}
		if (d.ethnicity != null && d.ethnicity.strip().length() > 20) {
			problems.add(new Problem(ETHNICITY, "people.ethnicity.size"));
		}
		String number = IdNumbers.normalise(d.idNumber);
		boolean idChecked = false;
		if (!d.flagged.contains(ID_TYPE) && d.idType == null) {
			problems.add(new Problem(ID_TYPE, "people.idType.required"));
		}
		if (!d.keepNumbers && !d.flagged.contains(ID_NUMBER)) {
			if (number == null || number.isEmpty()) {
				problems.add(new Problem(ID_NUMBER, "people.idNumber.required"));
			}
			else if (d.idType == IdType.RESIDENT_ID) {
				if (!IdNumbers.wellFormed(number)) {
					problems.add(new Problem(ID_NUMBER, "people.idNumber.format"));
				}
				else if (!IdNumbers.checkDigitValid(number)) {
					problems.add(new Problem(ID_NUMBER, "people.idNumber.checkDigit",
							String.valueOf(IdNumbers.checkDigit(number.substring(0, 17)))));
				}
				else if (!IdNumbers.valid(number, ctx.today())) {
					problems.add(new Problem(ID_NUMBER, "people.idNumber.birthDate"));
				}
				else {
					idChecked = true;
				}
			}
			else if (d.idType != null && !number.matches("[0-9A-Z()\\-]{4,40}")) {
				problems.add(new Problem(ID_NUMBER, "people.idNumber.other"));
			}
		}
		if (idChecked) {
			LocalDate encoded = IdNumbers.birthDate(number).orElseThrow();
			if (d.birthDate == null && !d.flagged.contains(BIRTH_DATE)) {
				d.birthDate = encoded;
			}
			else if (d.birthDate != null && !d.birthDate.equals(encoded)) {
				problems.add(new Problem(BIRTH_DATE, "people.birthDate.mismatch", encoded.toString()));
			}
			Gender encodedGender = IdNumbers.gender(number).orElseThrow();
			if (d.gender == null && !d.flagged.contains(GENDER)) {
				d.gender = encodedGender;
			}
			else if (d.gender != null && d.gender != encodedGender) {
				problems.add(new Problem(GENDER, "people.gender.mismatch"));
			}
		}
		if (d.gender == null && !d.flagged.contains(GENDER) && !(d.idType == IdType.RESIDENT_ID && !idChecked)) {
			problems.add(new Problem(GENDER, "people.gender.required"));
		}
		if (d.birthDate != null && d.birthDate.isAfter(ctx.today())) {
			problems.add(new Problem(BIRTH_DATE, "people.birthDate.future"));
		}
		if (!d.keepNumbers && !d.flagged.contains(PHONE) && d.phone != null && !d.phone.isBlank()
				&& !Phones.valid(d.phone)) {
			problems.add(new Problem(PHONE, "people.phone.pattern"));
		}
		if (!d.flagged.contains(STATUS) && d.status == null) {
			problems.add(new Problem(STATUS, "people.status.required"));
		}
		if (d.registeredAddress != null && d.registeredAddress.strip().length() > 200) {
			problems.add(new Problem(REGISTERED_ADDRESS, "people.address.size"));
		}
		if (d.note != null && d.note.strip().length() > 500) {
			problems.add(new Problem(NOTE, "people.note.size"));
		}
		String registeredArea = registeredArea(d, ctx, problems);
		AddressBook.Place living = d.livingPlace;
		if (living == null && !d.flagged.contains(ROOM) && !d.flagged.contains(COMMUNITY)) {
			if (d.livingRoomCode == null || d.livingRoomCode.isBlank()) {
				if (registeredArea == null) {
					problems.add(new Problem(ROOM, "people.room.required"));
				}
			}
			else {
				living = ctx.addresses().room(d.livingRoomCode.strip()).orElse(null);
				if (living == null) {
					problems.add(new Problem(ROOM, "people.room.unknown"));
				}
			}
		}
		if (!ctx.system()) {
			if (living != null && !PeopleAccess.covers(ctx.caller(), living.roomCode())) {
				problems.add(new Problem(COMMUNITY, "people.room.outOfScope"));
			}
			else if (living == null && registeredArea != null
					&& !PeopleAccess.covers(ctx.caller(), registeredArea)) {
				problems.add(new Problem(REGISTERED_ADDRESS, "people.room.outOfScope"));
			}
		}
		List<String> groups = new ArrayList<>();
		if (!d.flagged.contains(GROUPS)) {
			for (String code : d.groupCodes) {
				PersonGroupView g = ctx.groups().get(code);
				if (g == null || !g.enabled()) {
					problems.add(new Problem(GROUPS, "people.group.unknown", code));
				}
				else if (g.kind() == GroupKind.KEY && !ctx.system() && !ctx.grants().keyGroup(code)) {
					problems.add(new Problem(GROUPS, "people.group.keyNotGranted", g.name()));
				}
				else if (!groups.contains(code)) {
					groups.add(code);
				}
			}
		}
		List<String> tags = new ArrayList<>();
		for (String t : d.tags) {
			if (t != null && !t.isBlank()) {
				if (t.strip().length() > 20) {
					problems.add(new Problem(NOTE, "people.tags.size"));
				}
				else if (!tags.contains(t.strip())) {
					tags.add(t.strip());
				}
			}
		}
		if (tags.size() > 20) {
			problems.add(new Problem(NOTE, "people.tags.size"));
		}
		if (!problems.isEmpty()) {
			return problems;
		}
		out.setName(d.name);
		out.gender = d.gender;
		out.ethnicity = blankToNull(d.ethnicity);
		out.birthDate = d.birthDate;
		if (!d.keepNumbers) {
			out.setIdNumber(crypto, d.idType, number);
			out.setPhone(crypto, d.phone);
		}
		else {
			out.idType = d.idType;
		}
		out.registrationStatus = d.status;
		out.registeredAddress = blankToNull(d.registeredAddress);
		out.registeredAreaCode = registeredArea;
		out.registeredCommunityCode = registeredArea == null || registeredArea.length() < AreaLevel.COMMUNITY.codeLength()
				? null : registeredArea.substring(0, AreaLevel.COMMUNITY.codeLength());
		if (living != null) {
			out.livingRoomCode = living.roomCode();
			out.livingAddress = living.address();
			out.livingCommunityCode = living.communityCode();
			out.livingGridCode = living.gridCode();
		}
		out.relation = d.relation;
		out.tags = tags;
		out.note = blankToNull(d.note);
		out.movedInOn = d.movedInOn != null ? d.movedInOn : ctx.today();
		out.markSeparation();
		d.groupCodes = groups;
		return problems;
	}

	/** The registered address as an area code: given as a code, or read from the text of a registered resident. */
	private static String registeredArea(Draft d, Context ctx, List<Problem> problems) {
		if (d.registeredAreaCode != null && !d.registeredAreaCode.isBlank()) {
			String code = d.registeredAreaCode.strip();
			AreaLevel level = AreaLevel.ofCode(code);
			boolean known = level == AreaLevel.ROOM ? ctx.addresses().room(code).isPresent()
					: level == AreaLevel.COMMUNITY && ctx.addresses().community(code).isPresent();
			if (!known) {
				problems.add(new Problem(REGISTERED_ADDRESS, "people.registered.unknown"));
				return null;
			}
			if (level == AreaLevel.ROOM && (d.registeredAddress == null || d.registeredAddress.isBlank())) {
				d.registeredAddress = ctx.addresses().room(code).map(AddressBook.Place::address).orElse(null);
			}
			return code;
		}
		if (d.status == RegistrationStatus.HOUSEHOLD && d.registeredAddress != null && !d.registeredAddress.isBlank()) {
			return ctx.addresses().match(d.registeredAddress).orElse(null);
		}
		return null;
	}

	static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

}
