package org.gongzhi.identity.domain;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.gongzhi.shared.Masking;
import org.gongzhi.identity.AuditLog;
import org.gongzhi.identity.DataScope;
import org.gongzhi.identity.NewUser;
import org.gongzhi.identity.Role;
import org.gongzhi.identity.ScopeAreaCatalog;
import org.gongzhi.identity.UserAccounts;
import org.gongzhi.identity.UserDirectory;
import org.gongzhi.identity.PasswordReset;
import org.gongzhi.identity.UserDisabled;
import org.gongzhi.identity.UserPreferences;
import org.gongzhi.identity.UserSummary;
import org.gongzhi.shared.DomainException;
import org.gongzhi.shared.PageResult;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * User administration (用户管理): create, edit roles and scope, disable, reset passwords, unlock; every change is
 * audit-logged. Also serves other modules' look-ups through {@link UserDirectory} and {@link UserAccounts}.
 */
@Service
public class UserAdministration implements UserDirectory, UserAccounts, UserPreferences {

	private final UserRepository users;

	private final PasswordEncoder passwordEncoder;

	private final AuditLog audit;

	private final ObjectProvider<ScopeAreaCatalog> areas;

	private final ApplicationEventPublisher events;

	/** Departments change only when seeded; case routing reads them on every intake, so they are kept 30 s. */
	private volatile DepartmentSnapshot departments = new DepartmentSnapshot(Map.of(), 0);

	private record DepartmentSnapshot(Map<String, String> names, long readAtNanos) {
	}

	private final ApiTokenService tokens;

	UserAdministration(UserRepository users, PasswordEncoder passwordEncoder, AuditLog audit,
			ObjectProvider<ScopeAreaCatalog> areas, ApplicationEventPublisher events, ApiTokenService tokens) {
		this.tokens = tokens;
		this.users = users;
		this.passwordEncoder = passwordEncoder;
		this.audit = audit;
		this.areas = areas;
		this.events = events;
	}

	@Transactional(readOnly = true)
	public PageResult<UserAccount> search(String q, Role role, Boolean enabled, String sort, int page, int size) {
		return new PageResult<>(users.search(q, role, enabled, sort, page * size, size), page, size,
				users.count(q, role, enabled));
	}

	@Transactional(readOnly = true)
	public UserAccount get(long id) {
		return users.findById(id).map(UserRepository.Row::account)
			.orElseThrow(() -> DomainException.notFound("user.notFound"));
	}

	@Transactional
	public long create(UserForm form) {
		String pw = PasswordPolicy.violation(form.getPassword());
		if (pw != null) {
			throw DomainException.invalid("password", pw);
		}
		DataScope scope = checkedScope(form);
		if (users.findByUsername(form.getUsername()).isPresent()) {
			throw DomainException.invalid("username", "user.username.taken");
		}
		long id = users.insert(form.getUsername(), form.getDisplayName(), passwordEncoder.encode(form.getPassword()),
				scope, Masking.phone(form.getPhone()));
		users.replaceRoles(id, form.getRoles());
		audit.record("user.create", "user", form.getUsername(), describe(form.getRoles(), scope));
		return id;
	}

	@Transactional
	public void update(long id, UserForm form) {
		UserAccount existing = get(id);
		DataScope scope = checkedScope(form);
		if (existing.roles().contains(Role.SYSTEM_ADMIN) && !form.getRoles().contains(Role.SYSTEM_ADMIN)
				&& existing.enabled() && users.countEnabledAdminsExcept(id) == 0) {
			throw DomainException.invalid("roles", "user.lastAdmin");
		}
		String phone = form.getPhone() == null || form.getPhone().isBlank() ? existing.phoneMasked()
				: Masking.phone(form.getPhone());
		if (!users.update(id, form.getVersion(), form.getDisplayName(), scope, phone)) {
			throw DomainException.conflict("user.stale");
		}
		users.replaceRoles(id, form.getRoles());
		tokens.forget(id);
		audit.record("user.update", "user", existing.username(), describe(form.getRoles(), scope));
	}

	@Transactional
	public void setEnabled(long id, boolean enabled, String currentUsername) {
		UserAccount user = get(id);
		if (!enabled && user.username().equalsIgnoreCase(currentUsername)) {
			throw DomainException.invalid(null, "user.disableSelf");
		}
		if (!enabled && user.roles().contains(Role.SYSTEM_ADMIN) && users.countEnabledAdminsExcept(id) == 0) {
			throw DomainException.invalid(null, "user.lastAdmin");
		}
		users.setEnabled(id, enabled);
		audit.record(enabled ? "user.enable" : "user.disable", "user", user.username(), null);
		if (!enabled) {
			events.publishEvent(new UserDisabled(id, user.username()));
		}
	}

	@Transactional
	public void resetPassword(long id, String newPassword) {
		String pw = PasswordPolicy.violation(newPassword);
		if (pw != null) {
			throw DomainException.invalid("password", pw);
		}
		UserAccount user = get(id);
		users.setPassword(id, passwordEncoder.encode(newPassword));
		audit.record("user.resetPassword", "user", user.username(), null);
		events.publishEvent(new PasswordReset(id, user.username()));
	}

	@Transactional
	public void unlock(long id) {
		UserAccount user = get(id);
		users.unlock(id);
		audit.record("user.unlock", "user", user.username(), null);
	}

	@Override
	@Transactional
	public void setElderMode(long id, boolean on) {
		users.setElderMode(id, on);
	}

	@Override
	@Transactional(readOnly = true)
	public boolean elderMode(long id) {
		return users.findById(id).map(r -> r.account().elderMode()).orElse(false);
	}

	@Transactional(readOnly = true)
	public List<Department> departments() {
		return users.departments();
	}

	@Transactional(readOnly = true)
	public List<ScopeAreaCatalog.ScopeRoot> scopeRoots() {
		ScopeAreaCatalog catalog = areas.getIfAvailable();
		return catalog == null ? List.of() : catalog.scopeRoots();
	}

	private DataScope checkedScope(UserForm form) {
		boolean staff = form.getRoles().stream().anyMatch(Role::staff);
		if (form.isScopeAll()) {
			return new DataScope(true, null, form.getDepartmentCode());
		}
		if (form.getScopeAreaCode() != null) {
			ScopeAreaCatalog catalog = areas.getIfAvailable();
			if (catalog == null || catalog.scopeRootName(form.getScopeAreaCode()).isEmpty()) {
				throw DomainException.invalid("scopeAreaCode", "user.scope.unknownArea");
			}
		}
		else if (staff) {
			throw DomainException.invalid("scopeAreaCode", "user.scope.required");
		}
		if (form.getRoles().contains(Role.DEPARTMENT_HANDLER)) {
			if (form.getDepartmentCode() == null) {
				throw DomainException.invalid("departmentCode", "user.department.required");
			}
			if (users.departments().stream().noneMatch(d -> d.code().equals(form.getDepartmentCode()))) {
				throw DomainException.invalid("departmentCode", "user.department.unknown");
			}
		}
		return new DataScope(false, form.getScopeAreaCode(), form.getDepartmentCode());
	}

	private static String describe(Collection<Role> roles, DataScope scope) {
		return "roles=" + roles.stream().map(Role::name).sorted().collect(Collectors.joining(",")) + "; scope="
				+ (scope.all() ? "*" : scope.areaCode()) + (scope.departmentCode() == null ? ""
						: "; department=" + scope.departmentCode());
	}

	// UserDirectory

	@Override
	@Transactional(readOnly = true)
	public Optional<UserSummary> findById(long id) {
		return users.findById(id).map(r -> summary(r.account()));
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<UserSummary> findByUsername(String username) {
		return users.findByUsername(username).map(r -> summary(r.account()));
	}

	@Override
	@Transactional(readOnly = true)
	public Map<Long, UserSummary> findByIds(Collection<Long> ids) {
		return users.findByIds(ids).stream().map(UserAdministration::summary)
			.collect(Collectors.toMap(UserSummary::id, Function.identity()));
	}

	@Override
	@Transactional(readOnly = true)
	public List<UserSummary> findAssignable(Role role, String areaCode) {
		return users.findAssignable(role, areaCode).stream().map(UserAdministration::summary).toList();
	}

	@Override
	@Transactional(readOnly = true)
	public Map<String, String> departmentNames() {
		DepartmentSnapshot snapshot = departments;
		if (snapshot.readAtNanos() == 0 || System.nanoTime() - snapshot.readAtNanos() > 30_000_000_000L) {
			Map<String, String> map = new java.util.LinkedHashMap<>();
			users.departments().forEach(d -> map.put(d.code(), d.name()));
			snapshot = new DepartmentSnapshot(java.util.Collections.unmodifiableMap(map), System.nanoTime());
			departments = snapshot;
		}
		return snapshot.names();
	}

	private static UserSummary summary(UserAccount a) {
		return new UserSummary(a.id(), a.username(), a.displayName(), a.roles(), a.phoneMasked(), a.enabled());
	}

	// UserAccounts

	@Override
	@Transactional
	public long create(NewUser user) {
		UserForm form = new UserForm();
		form.setUsername(user.username());
		form.setDisplayName(user.displayName());
		form.setPassword(user.password());
		form.setRoles(user.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(user.roles()));
		form.setScopeAreaCode(user.scopeAreaCode());
		form.setScopeAll(user.scopeAll());
		form.setDepartmentCode(user.departmentCode());
		form.setPhone(user.phone());
		try {
			return create(form);
		}
		catch (DomainException ex) {
			throw new IllegalArgumentException(ex.messageKey() + " (" + user.username() + ")", ex);
		}
	}

	@Override
	@Transactional
	public void ensureDepartment(String code, String name, String areaCode) {
		users.ensureDepartment(code, name, areaCode);
		departments = new DepartmentSnapshot(Map.of(), 0);
	}

	@Override
	@Transactional(readOnly = true)
	public boolean anyUserExists() {
		return users.anyUser();
	}

}
