package org.gongzhi.people.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gongzhi.area.AreaView;
import org.gongzhi.area.Areas;
import org.gongzhi.identity.GongzhiUser;
import org.gongzhi.people.Gender;
import org.gongzhi.people.HouseholdRelation;
import org.gongzhi.people.IdType;
import org.gongzhi.people.PeopleGroups;
import org.gongzhi.people.RegistrationStatus;
import org.gongzhi.people.ResidentCard;
import org.gongzhi.people.ResidentCmd;
import org.gongzhi.people.Residents;
import org.gongzhi.shared.DomainException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.SmartValidator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Registering and changing a resident by hand (新增居民 / 编辑居民) for community staff: the form with the living
 * address picked as community, building, unit and room (the next choices load as the previous one changes), the same
 * rules as the import with every error shown at its field in the user's language, and a stale edit refused with a
 * note instead of overwriting someone else's change.
 */
@Controller
class ResidentFormPages {

	private static final Set<String> FIELDS = Set.of("name", "gender", "ethnicity", "birthDate", "idType", "idNumber",
			"phone", "registrationStatus", "registeredAddress", "livingRoomCode", "relation", "groupCodes", "tags",
			"note", "movedInOn");

	private final Residents residents;

	private final PeopleGroups groups;

	private final Areas areas;

	private final PeoplePageSupport support;

	private final SmartValidator validator;

	ResidentFormPages(Residents residents, PeopleGroups groups, Areas areas, PeoplePageSupport support,
			SmartValidator validator) {
		this.residents = residents;
		this.groups = groups;
		this.areas = areas;
		this.support = support;
		this.validator = validator;
	}

	@GetMapping("/people/new")
	String newForm(@AuthenticationPrincipal GongzhiUser me, Model model) {
		requireEdit(me);
		ResidentPageForm form = new ResidentPageForm();
		List<PeoplePageSupport.CommunityOption> communities = support.communities(me);
		if (communities.size() == 1) {
			form.setCommunity(communities.get(0).community().code());
		}
		model.addAttribute("residentForm", form);
		return page(me, form, null, model);
	}

	@PostMapping("/people/new")
	String create(@ModelAttribute("residentForm") ResidentPageForm form, BindingResult result,
			@AuthenticationPrincipal GongzhiUser me, Model model, RedirectAttributes redirect) {
		requireEdit(me);
		ResidentCmd cmd = validated(form, result);
		if (result.hasErrors()) {
			return page(me, form, null, model);
		}
		long id;
		try {
			id = residents.create(me, cmd);
		}
		catch (DomainException ex) {
			reject(ex, result);
			return page(me, form, null, model);
		}
		redirect.addFlashAttribute("notice", "people.form.created");
		return "redirect:/people/" + id;
	}

	@GetMapping("/people/{id:\\d+}/edit")
	String editForm(@PathVariable long id, @AuthenticationPrincipal GongzhiUser me, Model model) {
		requireEdit(me);
		ResidentCard card = residents.card(me, id);
		String unit = parent(card.resident().livingRoomCode());
		ResidentPageForm form = ResidentPageForm.of(card, parent(unit), unit);
		model.addAttribute("residentForm", form);
		return page(me, form, card, model);
	}

	@PostMapping("/people/{id:\\d+}/edit")
	String update(@PathVariable long id, @ModelAttribute("residentForm") ResidentPageForm form, BindingResult result,
			@AuthenticationPrincipal GongzhiUser me, Model model, RedirectAttributes redirect) {
		requireEdit(me);
		ResidentCard card = residents.card(me, id);
		ResidentCmd cmd = validated(form, result);
		if (form.getVersion() == null) {
			result.reject("people.stale", support.text("people.stale"));
		}
		if (result.hasErrors()) {
			return page(me, form, card, model);
		}
		try {
			residents.update(me, id, cmd, form.getVersion());
		}
		catch (DomainException ex) {
			if (ex.status() == HttpStatus.CONFLICT) {
				model.addAttribute("stale", true);
			}
			reject(ex, result);
			return page(me, form, card, model);
		}
		redirect.addFlashAttribute("notice", "people.form.updated");
		return "redirect:/people/" + id;
	}

	/** The address picker alone, redrawn as the community, building or unit changes. */
	@GetMapping("/people/address-picker")
	String picker(@ModelAttribute("residentForm") ResidentPageForm form, @AuthenticationPrincipal GongzhiUser me,
			Model model) {
		model.addAttribute("picker", picker(me, form));
		return "people/resident-form :: addressPicker";
	}

	private ResidentCmd validated(ResidentPageForm form, BindingResult result) {
		ResidentCmd cmd = form.toCmd();
		if (!result.hasFieldErrors("birthDate") && !result.hasFieldErrors("movedInOn")) {
			validator.validate(cmd, result);
		}
		return cmd;
	}

	/** A refusal of the registry: every field problem at its field, anything else above the form. */
	private void reject(DomainException ex, BindingResult result) {
		if (ex.status() == HttpStatus.NOT_FOUND || ex.status() == HttpStatus.FORBIDDEN) {
			throw ex;
		}
		boolean placed = false;
		for (Object detail : ex.details()) {
			if (detail instanceof Map<?, ?> m && m.get("field") instanceof String field
					&& m.get("message") instanceof String message) {
				// the message is already in the user's language; a code of its own keeps the bundle from replacing it
				if (FIELDS.contains(field)) {
					result.rejectValue(field, "people.form.rule", message);
				}
				else {
					result.reject("people.form.rule", message);
				}
				placed = true;
			}
		}
		if (!placed) {
			if (ex.field() != null && FIELDS.contains(ex.field())) {
				result.rejectValue(ex.field(), ex.messageKey(), ex.args(), support.text(ex));
			}
			else {
				result.reject(ex.messageKey(), ex.args(), support.text(ex));
			}
		}
	}

	private String page(GongzhiUser me, ResidentPageForm form, ResidentCard card, Model model) {
		model.addAttribute("card", card);
		model.addAttribute("picker", picker(me, form));
		model.addAttribute("genders", Gender.values());
		model.addAttribute("idTypes", IdType.values());
		model.addAttribute("statuses", RegistrationStatus.values());
		model.addAttribute("relations", HouseholdRelation.values());
		model.addAttribute("groups", groups.groups(me));
		return "people/resident-form";
	}

	/**
	 * The choices of the address picker: the communities of the caller's scope, the buildings of the chosen community
	 * by grid, the units of the chosen building and the rooms of the chosen unit. A choice that does not belong to
	 * the one before it is dropped.
	 */
	record Picker(List<PeoplePageSupport.CommunityOption> communities, String community, List<GridBuildings> buildings,
			String building, List<AreaView> units, String unit, List<AreaView> rooms, String room) {
	}

	/** The buildings of one grid, for an optgroup. */
	record GridBuildings(AreaView grid, List<AreaView> buildings) {
	}

	private Picker picker(GongzhiUser me, ResidentPageForm form) {
		List<PeoplePageSupport.CommunityOption> communities = support.communities(me);
		String community = PeoplePageSupport.blank(form.getCommunity());
		PeoplePageSupport.CommunityOption chosen = communities.stream()
			.filter(c -> c.community().code().equals(community)).findFirst().orElse(null);
		List<GridBuildings> buildings = new ArrayList<>();
		if (chosen != null) {
			for (AreaView grid : chosen.grids()) {
				buildings.add(new GridBuildings(grid, areas.children(grid.code())));
			}
		}
		String building = choice(form.getBuilding(),
				buildings.stream().flatMap(g -> g.buildings().stream()).toList());
		List<AreaView> units = building == null ? List.of() : areas.children(building);
		String unit = choice(form.getUnit(), units);
		List<AreaView> rooms = unit == null ? List.of() : areas.children(unit);
		String room = choice(form.getLivingRoomCode(), rooms);
		form.setLivingRoomCode(room);
		return new Picker(communities, chosen == null ? null : community, buildings, building, units, unit, rooms,
				room);
	}

	/** The chosen code when it is one of the options, else null. */
	private static String choice(String chosen, List<AreaView> options) {
		String code = PeoplePageSupport.blank(chosen);
		return code != null && options.stream().anyMatch(o -> o.code().equals(code)) ? code : null;
	}

	private String parent(String code) {
		return code == null ? null : areas.find(code).map(AreaView::parentCode).orElse(null);
	}

	private void requireEdit(GongzhiUser me) {
		if (me == null || !residents.canEdit(me)) {
			throw DomainException.forbidden("people.forbidden.edit");
		}
	}

}
