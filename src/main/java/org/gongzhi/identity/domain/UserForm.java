package org.gongzhi.identity.domain;

import java.util.EnumSet;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.gongzhi.identity.Role;

/**
 * The user administration form: create (with a password) or edit (without one).
 */
public class UserForm {

	@NotBlank(message = "{user.username.required}")
	@Pattern(regexp = "^[A-Za-z][A-Za-z0-9_.-]{2,31}$", message = "{user.username.pattern}")
	private String username;

	@NotBlank(message = "{user.displayName.required}")
	@Size(max = 50, message = "{user.displayName.size}")
	private String displayName;

	private String password;

	@NotEmpty(message = "{user.roles.required}")
	private Set<Role> roles = EnumSet.noneOf(Role.class);

	private String scopeAreaCode;

	private boolean scopeAll;

	private String departmentCode;

	@Pattern(regexp = "^$|^1\\d{10}$", message = "{user.phone.pattern}")
	private String phone;

	private int version;

	public String getUsername() {
		return username;
	}

	public void setUsername(String username) {
		this.username = username == null ? null : username.strip();
	}

	public String getDisplayName() {
		return displayName;
	}

	public void setDisplayName(String displayName) {
		this.displayName = displayName == null ? null : displayName.strip();
	}

	public String getPassword() {
		return password;
	}

	public void setPassword(String password) {
		this.password = password;
	}

	public Set<Role> getRoles() {
		return roles;
	}

	public void setRoles(Set<Role> roles) {
		this.roles = roles == null ? EnumSet.noneOf(Role.class) : roles;
	}

	public String getScopeAreaCode() {
		return scopeAreaCode;
	}

	public void setScopeAreaCode(String scopeAreaCode) {
		this.scopeAreaCode = scopeAreaCode == null || scopeAreaCode.isBlank() ? null : scopeAreaCode.strip();
	}

	public boolean isScopeAll() {
		return scopeAll;
	}

	public void setScopeAll(boolean scopeAll) {
		this.scopeAll = scopeAll;
	}

	public String getDepartmentCode() {
		return departmentCode;
	}

	public void setDepartmentCode(String departmentCode) {
		this.departmentCode = departmentCode == null || departmentCode.isBlank() ? null : departmentCode;
	}

	public String getPhone() {
		return phone;
	}

	public void setPhone(String phone) {
		this.phone = phone == null ? null : phone.strip();
	}

	public int getVersion() {
		return version;
	}

	public void setVersion(int version) {
		this.version = version;
	}

}
