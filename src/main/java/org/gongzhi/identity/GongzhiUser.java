package org.gongzhi.identity;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in user as every module sees it: who they are, their roles and their {@link DataScope}.
 */
public final class GongzhiUser implements UserDetails, CredentialsContainer {

	private static final long serialVersionUID = 1L;

	private final long id;

	private final String username;

	private final String displayName;

	private String passwordHash;

	private final boolean enabled;

	private final boolean nonLocked;

	private final Set<Role> roles;

	private final DataScope scope;

	public GongzhiUser(long id, String username, String displayName, String passwordHash, boolean enabled,
			boolean nonLocked, Set<Role> roles, DataScope scope) {
		this.id = id;
		this.username = username;
		this.displayName = displayName;
		this.passwordHash = passwordHash;
		this.enabled = enabled;
		this.nonLocked = nonLocked;
		this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
		this.scope = scope;
	}

	public long id() {
		return id;
	}

	public String displayName() {
		return displayName;
	}

	public Set<Role> roles() {
		return EnumSet.copyOf(roles.isEmpty() ? EnumSet.noneOf(Role.class) : roles);
	}

	public boolean has(Role role) {
		return roles.contains(role);
	}

	public boolean hasAny(Role... candidates) {
		for (Role r : candidates) {
			if (roles.contains(r)) {
				return true;
			}
		}
		return false;
	}

	public DataScope scope() {
		return scope;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return roles.stream().map(r -> (GrantedAuthority) new SimpleGrantedAuthority(r.authority())).toList();
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return username;
	}

	@Override
	public boolean isAccountNonLocked() {
		return nonLocked;
	}

	@Override
	public boolean isEnabled() {
		return enabled;
	}

	@Override
	public void eraseCredentials() {
		passwordHash = null;
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof GongzhiUser other && other.id == id;
	}

	@Override
	public int hashCode() {
		return Long.hashCode(id);
	}

	@Override
	public String toString() {
		return "GongzhiUser[" + username + ", roles=" + List.copyOf(roles) + "]";
	}

}
