package org.gongzhi.people.web;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

import org.gongzhi.people.RecordVisitCmd;
import org.gongzhi.people.VisitKind;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.multipart.MultipartFile;

/**
 * The record-visit form (记录走访) as the phone posts it; becomes a RecordVisitCmd, which carries the validation. The
 * time is a local Beijing time from the datetime-local field.
 */
public class VisitPageForm {

	private Long residentId;

	private String roomCode;

	private VisitKind kind = VisitKind.CARE;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
	private LocalDateTime visitedAt;

	private String findings;

	private String followUp;

	private MultipartFile photo;

	/** A blank form for the resident or address, dated now. */
	static VisitPageForm fresh(Long residentId, String roomCode, VisitKind kind) {
		VisitPageForm form = new VisitPageForm();
		form.residentId = residentId;
		form.roomCode = residentId == null ? roomCode : null;
		form.kind = kind;
		form.visitedAt = LocalDateTime.now(PeoplePageAdvice.ZONE).truncatedTo(ChronoUnit.MINUTES);
		return form;
	}

	RecordVisitCmd toCmd(byte[] photoBytes) {
		return new RecordVisitCmd(residentId, PeoplePageSupport.blank(roomCode), kind,
				visitedAt == null ? null : visitedAt.atZone(PeoplePageAdvice.ZONE).toInstant(),
				PeoplePageSupport.blank(findings), PeoplePageSupport.blank(followUp), photoBytes);
	}

	public Long getResidentId() {
		return residentId;
	}

	public void setResidentId(Long residentId) {
		this.residentId = residentId;
	}

	public String getRoomCode() {
		return roomCode;
	}

	public void setRoomCode(String roomCode) {
		this.roomCode = roomCode;
	}

	public VisitKind getKind() {
		return kind;
	}

	public void setKind(VisitKind kind) {
		this.kind = kind;
	}

	public LocalDateTime getVisitedAt() {
		return visitedAt;
	}

	public void setVisitedAt(LocalDateTime visitedAt) {
		this.visitedAt = visitedAt;
	}

	public String getFindings() {
		return findings;
	}

	public void setFindings(String findings) {
		this.findings = findings;
	}

	public String getFollowUp() {
		return followUp;
	}

	public void setFollowUp(String followUp) {
		this.followUp = followUp;
	}

	public MultipartFile getPhoto() {
		return photo;
	}

	public void setPhoto(MultipartFile photo) {
		this.photo = photo;
	}

}
