package org.gongzhi.people.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.gongzhi.people.Gender;
import org.gongzhi.people.GroupMembership;
import org.gongzhi.people.HouseholdRelation;
import org.gongzhi.people.IdType;
import org.gongzhi.people.RegistrationStatus;
import org.gongzhi.people.ResidentCard;
import org.gongzhi.people.ResidentCmd;
import org.gongzhi.people.ResidentSummary;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The form for registering or changing one resident by hand (新增 / 编辑居民) as community staff post it; becomes a
 * ResidentCmd, which carries the validation, and goes through the same rules, encryption and blind indexes as the
 * import. The living address is picked as community, building, unit and room; the registered address is either the
 * same room or a text address. On a change, blank ID and phone numbers keep the stored ones.
 */
public class ResidentPageForm {

	private String name;

	private Gender gender;

	private String ethnicity = "汉族";

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate birthDate;

	private IdType idType = IdType.RESIDENT_ID;

	private String idNumber;

	private String phone;

	private RegistrationStatus registrationStatus = RegistrationStatus.HOUSEHOLD;

	private String community;

	private String building;

	private String unit;

	private String livingRoomCode;

	private boolean sameAsLiving = true;

	private String registeredAddress;

	private HouseholdRelation relation;

	private List<String> groupCodes = new ArrayList<>();

	private String tags;

	private String note;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate movedInOn;

	private Integer version;

	/** The form of a resident's change, filled from their card (numbers left blank: they are only ever masked). */
	static ResidentPageForm of(ResidentCard card, String buildingCode, String unitCode) {
		ResidentSummary r = card.resident();
		ResidentPageForm f = new ResidentPageForm();
		f.name = r.name();
		f.gender = r.gender();
		f.ethnicity = r.ethnicity();
		f.birthDate = r.birthDate();
		f.idType = r.idType();
		f.registrationStatus = r.registrationStatus();
		f.community = r.communityCode();
		f.building = buildingCode;
		f.unit = unitCode;
		f.livingRoomCode = r.livingRoomCode();
		f.sameAsLiving = r.registeredAddress() == null || Objects.equals(r.registeredAddress(), r.livingAddress());
		f.registeredAddress = f.sameAsLiving ? null : r.registeredAddress();
		f.relation = r.relation();
		f.groupCodes = new ArrayList<>(card.groups().stream().map(GroupMembership::code).toList());
		f.tags = String.join("、", r.tags());
		f.note = card.note();
		f.movedInOn = card.movedInOn();
		f.version = card.version();
		return f;
	}

	ResidentCmd toCmd() {
		String room = PeoplePageSupport.blank(livingRoomCode);
		List<String> tagList = tags == null ? List.of()
				: Arrays.stream(tags.split("[,，、;；\\s]+")).map(String::strip).filter(t -> !t.isEmpty()).distinct()
					.toList();
		return new ResidentCmd(PeoplePageSupport.blank(name), genderOrFromId(), PeoplePageSupport.blank(ethnicity),
				birthDate,
				idType, PeoplePageSupport.blank(idNumber), PeoplePageSupport.blank(phone), registrationStatus,
				getRegisteredRoomCode(), sameRoom() ? null : PeoplePageSupport.blank(registeredAddress), room, relation,
				groupCodes == null ? List.of() : groupCodes, tagList, PeoplePageSupport.blank(note), movedInOn);
	}

	/**
	 * The gender chosen, or for a 居民身份证 left to the number the one its 17th digit encodes (odd for men); the
	 * registry checks the number itself, and a chosen gender against it.
	 */
	private Gender genderOrFromId() {
		String number = PeoplePageSupport.blank(idNumber);
		if (gender != null || idType != IdType.RESIDENT_ID || number == null || number.length() != 18
				|| !Character.isDigit(number.charAt(16))) {
			return gender;
		}
		return (number.charAt(16) - '0') % 2 == 1 ? Gender.MALE : Gender.FEMALE;
	}

	/** The registered address as a room: the living room when a 户籍 resident is registered where they live. */
	public String getRegisteredRoomCode() {
		return sameRoom() ? PeoplePageSupport.blank(livingRoomCode) : null;
	}

	private boolean sameRoom() {
		return sameAsLiving && registrationStatus == RegistrationStatus.HOUSEHOLD;
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public Gender getGender() {
		return gender;
	}

	public void setGender(Gender gender) {
		this.gender = gender;
	}

	public String getEthnicity() {
		return ethnicity;
	}

	public void setEthnicity(String ethnicity) {
		this.ethnicity = ethnicity;
	}

	public LocalDate getBirthDate() {
		return birthDate;
	}

	public void setBirthDate(LocalDate birthDate) {
		this.birthDate = birthDate;
	}

	public IdType getIdType() {
		return idType;
	}

	public void setIdType(IdType idType) {
		this.idType = idType;
	}

	public String getIdNumber() {
		return idNumber;
	}

	public void setIdNumber(String idNumber) {
		this.idNumber = idNumber;
	}

	public String getPhone() {
		return phone;
	}

	public void setPhone(String phone) {
		this.phone = phone;
	}

	public RegistrationStatus getRegistrationStatus() {
		return registrationStatus;
	}

	public void setRegistrationStatus(RegistrationStatus registrationStatus) {
		this.registrationStatus = registrationStatus;
	}

	public String getCommunity() {
		return community;
	}

	public void setCommunity(String community) {
		this.community = community;
	}

	public String getBuilding() {
		return building;
	}

	public void setBuilding(String building) {
		this.building = building;
	}

	public String getUnit() {
		return unit;
	}

	public void setUnit(String unit) {
		this.unit = unit;
	}

	public String getLivingRoomCode() {
		return livingRoomCode;
	}

	public void setLivingRoomCode(String livingRoomCode) {
		this.livingRoomCode = livingRoomCode;
	}

	public boolean isSameAsLiving() {
		return sameAsLiving;
	}

	public void setSameAsLiving(boolean sameAsLiving) {
		this.sameAsLiving = sameAsLiving;
	}

	public String getRegisteredAddress() {
		return registeredAddress;
	}

	public void setRegisteredAddress(String registeredAddress) {
		this.registeredAddress = registeredAddress;
	}

	public HouseholdRelation getRelation() {
		return relation;
	}

	public void setRelation(HouseholdRelation relation) {
		this.relation = relation;
	}

	public List<String> getGroupCodes() {
		return groupCodes;
	}

	public void setGroupCodes(List<String> groupCodes) {
		this.groupCodes = groupCodes;
	}

	public String getTags() {
		return tags;
	}

	public void setTags(String tags) {
		this.tags = tags;
	}

	public String getNote() {
		return note;
	}

	public void setNote(String note) {
		this.note = note;
	}

	public LocalDate getMovedInOn() {
		return movedInOn;
	}

	public void setMovedInOn(LocalDate movedInOn) {
		this.movedInOn = movedInOn;
	}

	public Integer getVersion() {
		return version;
	}

	public void setVersion(Integer version) {
		this.version = version;
	}

}
