package org.gongzhi.cases.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.gongzhi.cases.CategoryView;
import org.gongzhi.cases.domain.CategoryAdministration;

/**
 * The category edit form (类别管理); the domain checks what needs the database (departments, unique codes).
 */
public class CategoryForm {

	@Size(max = 16, message = "{case.cat.codePatternShort}")
	private String code;

	private String parentCode;

	@NotBlank(message = "{case.cat.nameRequired}")
	@Size(max = 100, message = "{case.cat.nameSize}")
	private String name;

	@Size(max = 500, message = "{case.cat.descriptionSize}")
	private String description;

	@NotBlank(message = "{case.cat.levelRequired}")
	private String handlingLevel = "GRID";

	private String departmentCode;

	@NotBlank(message = "{case.cat.urgencyRequired}")
	private String urgency = "GENERAL";

	@NotNull(message = "{case.cat.timeLimitRange}")
	@Min(value = 1, message = "{case.cat.timeLimitRange}")
	@Max(value = 720, message = "{case.cat.timeLimitRange}")
	private Integer timeLimitValue = 7;

	@NotBlank(message = "{case.cat.unitRequired}")
	private String timeLimitUnit = "WORKING_DAYS";

	@NotNull(message = "{case.cat.responseRange}")
	@Min(value = 1, message = "{case.cat.responseRange}")
	@Max(value = 10080, message = "{case.cat.responseRange}")
	private Integer responseLimitMinutes = 240;

	private boolean enabled = true;

	private int version;

	static CategoryForm of(CategoryView c) {
		CategoryForm f = new CategoryForm();
		f.code = c.code();
		f.parentCode = c.parentCode();
		f.name = c.name();
		f.description = c.description();
		f.handlingLevel = c.handlingLevel();
		f.departmentCode = c.departmentCode();
		f.urgency = c.urgency();
		f.timeLimitValue = c.timeLimitValue();
		f.timeLimitUnit = c.timeLimitUnit();
		f.responseLimitMinutes = c.responseLimitMinutes();
		f.enabled = c.enabled();
		f.version = c.version();
		return f;
	}

	/** A new minor class under the major, with the major's defaults. */
	static CategoryForm under(CategoryView major) {
		CategoryForm f = of(major);
		f.code = major.code();
		f.parentCode = major.code();
		f.name = null;
		f.description = null;
		f.enabled = true;
		f.version = 0;
		return f;
	}

	CategoryAdministration.Change toChange() {
		return new CategoryAdministration.Change(name, description, handlingLevel, departmentCode, urgency,
				timeLimitValue, timeLimitUnit, responseLimitMinutes, enabled, version);
	}

	public String getCode() {
		return code;
	}

	public void setCode(String code) {
		this.code = code;
	}

	public String getParentCode() {
		return parentCode;
	}

	public void setParentCode(String parentCode) {
		this.parentCode = parentCode;
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getDescription() {
		return description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

	public String getHandlingLevel() {
		return handlingLevel;
	}

	public void setHandlingLevel(String handlingLevel) {
		this.handlingLevel = handlingLevel;
	}

	public String getDepartmentCode() {
		return departmentCode;
	}

	public void setDepartmentCode(String departmentCode) {
		this.departmentCode = departmentCode;
	}

	public String getUrgency() {
		return urgency;
	}

	public void setUrgency(String urgency) {
		this.urgency = urgency;
	}

	public Integer getTimeLimitValue() {
		return timeLimitValue;
	}

	public void setTimeLimitValue(Integer timeLimitValue) {
		this.timeLimitValue = timeLimitValue;
	}

	public String getTimeLimitUnit() {
		return timeLimitUnit;
	}

	public void setTimeLimitUnit(String timeLimitUnit) {
		this.timeLimitUnit = timeLimitUnit;
	}

	public Integer getResponseLimitMinutes() {
		return responseLimitMinutes;
	}

	public void setResponseLimitMinutes(Integer responseLimitMinutes) {
		this.responseLimitMinutes = responseLimitMinutes;
	}

	public boolean isEnabled() {
		return enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public int getVersion() {
		return version;
	}

	public void setVersion(int version) {
		this.version = version;
	}

}
