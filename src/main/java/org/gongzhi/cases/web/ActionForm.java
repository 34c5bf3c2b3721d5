package org.gongzhi.cases.web;

import java.util.List;

import org.gongzhi.cases.CaseActionCmd;
import org.gongzhi.cases.Satisfaction;
import org.gongzhi.cases.UnitType;

/**
 * One action form of the case page as the browser posts it; becomes a {@link CaseActionCmd}. The dispatch form names
 * its unit as {@code TYPE:code} in one select, so it works without JavaScript.
 */
public class ActionForm {

	private String note;

	private String unit;

	private Boolean passed;

	private Satisfaction satisfaction;

	private List<String> departments;

	private String targetCaseNo;

	private Integer hours;

	private Boolean approved;

	private Integer version;

	CaseActionCmd toCmd(List<String> photos) {
		UnitType unitType = null;
		String unitCode = null;
		if (unit != null && unit.contains(":")) {
			String type = unit.substring(0, unit.indexOf(':'));
			for (UnitType t : UnitType.values()) {
				if (t.name().equals(type)) {
					unitType = t;
				}
			}
			unitCode = unit.substring(unit.indexOf(':') + 1);
		}
		return new CaseActionCmd(note, unitType, unitCode, passed, satisfaction,
				departments == null || departments.isEmpty() ? null : departments, targetCaseNo == null ? null
						: targetCaseNo.strip(), hours, approved, photos == null || photos.isEmpty() ? null : photos,
				version);
	}

	public String getNote() {
		return note;
	}

	public void setNote(String note) {
		this.note = note;
	}

	public String getUnit() {
		return unit;
	}

	public void setUnit(String unit) {
		this.unit = unit;
	}

	public Boolean getPassed() {
		return passed;
	}

	public void setPassed(Boolean passed) {
		this.passed = passed;
	}

	public Satisfaction getSatisfaction() {
		return satisfaction;
	}

	public void setSatisfaction(Satisfaction satisfaction) {
		this.satisfaction = satisfaction;
	}

	public List<String> getDepartments() {
		return departments;
	}

	public void setDepartments(List<String> departments) {
		this.departments = departments;
	}

	public String getTargetCaseNo() {
		return targetCaseNo;
	}

	public void setTargetCaseNo(String targetCaseNo) {
		this.targetCaseNo = targetCaseNo;
	}

	public Integer getHours() {
		return hours;
	}

	public void setHours(Integer hours) {
		this.hours = hours;
	}

	public Boolean getApproved() {
		return approved;
	}

	public void setApproved(Boolean approved) {
		this.approved = approved;
	}

	public Integer getVersion() {
		return version;
	}

	public void setVersion(Integer version) {
		this.version = version;
	}

}
