package org.gongzhi.people.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.gongzhi.people.Gender;
import org.gongzhi.people.HouseholdRelation;
import org.gongzhi.people.IdType;
import org.gongzhi.people.RegistrationStatus;
import org.gongzhi.people.ResidentState;

/**
 * One row of people.resident as the module reads and writes it: numbers only as ciphertext, mask and blind index.
 */
class ResidentRecord {

	static final String ID_DOMAIN = "id";

	static final String PHONE_DOMAIN = "phone";

	long id;

	String name;

	String nameRest;

	String namePinyin;

	String nameInitials;

	Gender gender;

	String ethnicity;

	LocalDate birthDate;

	IdType idType;

	byte[] idCipher;

	String idMasked;

	byte[] idIndex;

	long idTail;

	byte[] phoneCipher;

	String phoneMasked;

	byte[] phoneIndex;

	Long phoneTail;

	RegistrationStatus registrationStatus;

	String registeredAddress;

	String registeredAreaCode;

	String registeredCommunityCode;

	String livingRoomCode;

	String livingAddress;

	String livingCommunityCode;

	String livingGridCode;

	boolean separated;

	Long householdId;

	HouseholdRelation relation;

	List<String> tags = new ArrayList<>();

	String note;

	ResidentState state = ResidentState.LIVING;

	LocalDate movedInOn;

	Instant lastVisitAt;

	String createdBy;

	int version;

	void setName(String value) {
		name = value.strip();
		nameRest = name.length() > 1 ? name.substring(1) : "";
		NamePinyin.Reading reading = NamePinyin.of(name);
		namePinyin = reading.full();
		nameInitials = reading.initials();
	}

	void setIdNumber(PeopleCrypto crypto, IdType type, String number) {
		String n = IdNumbers.normalise(number);
		idType = type;
		idCipher = crypto.encrypt(n);
		idMasked = IdNumbers.mask(type, n);
		idIndex = crypto.index(ID_DOMAIN, n);
		idTail = crypto.tail(ID_DOMAIN, IdNumbers.tail(n));
	}

	void setPhone(PeopleCrypto crypto, String phone) {
		String p = phone == null || phone.isBlank() ? null : phone.strip();
		phoneCipher = crypto.encrypt(p);
		phoneMasked = p == null ? null : org.gongzhi.shared.Masking.phone(p);
		phoneIndex = p == null ? null : crypto.index(PHONE_DOMAIN, Phones.digits(p));
		phoneTail = p == null ? null : crypto.tail(PHONE_DOMAIN, IdNumbers.tail(Phones.digits(p)));
	}

	/** 人户分离: registered in a community of the area, and living elsewhere (another community or outside). */
	void markSeparation() {
		separated = registeredCommunityCode != null && !registeredCommunityCode.equals(livingCommunityCode);
	}

}
