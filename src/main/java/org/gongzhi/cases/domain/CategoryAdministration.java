package org.gongzhi.cases.domain;

import java.util.List;
import java.util.Set;

import org.gongzhi.cases.CategoryView;
import org.gongzhi.identity.AuditLog;
import org.gongzhi.identity.GongzhiUser;
import org.gongzhi.identity.Role;
import org.gongzhi.identity.UserDirectory;
import org.gongzhi.shared.DomainException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The category catalogue as street and system administrators edit it (类别管理): handling level, department, urgency and
 * time limits of each category, and new minor classes under a major one. Every change is audit-logged.
 */
@Service
public class CategoryAdministration {

	static final Set<String> LEVELS = Set.of("GRID", "COMMUNITY", "STREET", "DEPARTMENT");

	static final Set<String> URGENCIES = Set.of("EMERGENCY", "UTILITY", "GENERAL", "COMPLEX");

	static final Set<String> UNITS = Set.of("HOURS", "WORKING_HOURS", "WORKING_DAYS");

	private final CategoryRepository categories;

	private final UserDirectory users;

	private final AuditLog audit;

	CategoryAdministration(CategoryRepository categories, UserDirectory users, AuditLog audit) {
		this.categories = categories;
		this.users = users;
		this.audit = audit;
	}

	/** What an administrator may change on a category; {@code version} is the one they saw. */
	public record Change(String name, String description, String handlingLevel, String departmentCode,
			String urgency, int timeLimitValue, String timeLimitUnit, int responseLimitMinutes, boolean enabled,
			int version) {
	}

	/** Whether the user may edit the catalogue. */
	public static boolean mayEdit(GongzhiUser me) {
		return me.hasAny(Role.STREET_ADMIN, Role.SYSTEM_ADMIN);
	}

	/** Every category, disabled ones too, majors before their minors. */
	@Transactional(readOnly = true)
	public List<CategoryView> all() {
		return categories.all(false);
	}

	@Transactional(readOnly = true)
	public CategoryView get(String code) {
		return categories.find(code).orElseThrow(() -> DomainException.notFound("case.cat.notFound", code));
	}

	@Transactional
	public void update(GongzhiUser me, String code, Change c) {
		requireEditor(me);
		CategoryView old = get(code);
		check(c);
		CategoryView changed = new CategoryView(code, old.parentCode(), old.kind(), c.name().strip(),
				blankToNull(c.description()), c.handlingLevel(), blankToNull(c.departmentCode()), c.urgency(),
				c.timeLimitValue(), c.timeLimitUnit(), c.responseLimitMinutes(), old.attributes(), c.enabled(),
				c.version());
		if (!categories.update(changed)) {
			throw DomainException.conflict("case.stale");
		}
		audit.record("case.category.update", "category", code, describe(changed));
	}

	/** Adds a minor class under a major one; its code begins with the major's code. */
	@Transactional
	public void create(GongzhiUser me, String parentCode, String code, Change c) {
		requireEditor(me);
		CategoryView parent = categories.find(parentCode).filter(CategoryView::major)
			.orElseThrow(() -> DomainException.invalid("parentCode", "case.cat.parentUnknown", parentCode));
		String newCode = code == null ? "" : code.strip();
		if (!newCode.matches("\\d{3,16}") || !newCode.startsWith(parent.code())) {
			throw DomainException.invalid("code", "case.cat.codePattern", parent.code());
		}
		if (categories.find(newCode).isPresent()) {
			throw DomainException.invalid("code", "case.cat.codeTaken", newCode);
		}
		check(c);
		CategoryView created = new CategoryView(newCode, parent.code(), parent.kind(), c.name().strip(),
				blankToNull(c.description()), c.handlingLevel(), blankToNull(c.departmentCode()), c.urgency(),
				c.timeLimitValue(), c.timeLimitUnit(), c.responseLimitMinutes(), null, c.enabled(), 0);
		categories.insert(created);
		audit.record("case.category.create", "category", newCode, describe(created));
	}

	private void check(Change c) {
		if (c.name() == null || c.name().isBlank()) {
			throw DomainException.invalid("name", "case.cat.nameRequired");
		}
		if (!LEVELS.contains(c.handlingLevel())) {
			throw DomainException.invalid("handlingLevel", "case.cat.levelRequired");
		}
		if (!URGENCIES.contains(c.urgency())) {
			throw DomainException.invalid("urgency", "case.cat.urgencyRequired");
		}
		if (!UNITS.contains(c.timeLimitUnit())) {
			throw DomainException.invalid("timeLimitUnit", "case.cat.unitRequired");
		}
		String dept = blankToNull(c.departmentCode());
		if (dept != null && !users.departmentNames().containsKey(dept)) {
			throw DomainException.invalid("departmentCode", "case.dispatch.unknownDepartment", dept);
		}
		if ("DEPARTMENT".equals(c.handlingLevel()) && dept == null) {
			throw DomainException.invalid("departmentCode", "case.cat.departmentRequired");
		}
	}

	private static void requireEditor(GongzhiUser me) {
		if (!mayEdit(me)) {
			throw DomainException.forbidden("case.cat.forbidden");
		}
	}

	private static String describe(CategoryView c) {
		return c.name() + " " + c.handlingLevel() + (c.departmentCode() == null ? "" : "/" + c.departmentCode()) + " "
				+ c.urgency() + " " + c.timeLimitValue() + " " + c.timeLimitUnit() + " 响应" + c.responseLimitMinutes()
				+ "分钟" + (c.enabled() ? "" : " 停用");
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

}
