package org.gongzhi.people.web;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.gongzhi.identity.GongzhiUser;
import org.gongzhi.people.HouseCmd;
import org.gongzhi.people.HouseQuery;
import org.gongzhi.people.HouseUse;
import org.gongzhi.people.HouseView;
import org.gongzhi.people.Houses;
import org.gongzhi.people.UnitCmd;
import org.gongzhi.people.UnitKind;
import org.gongzhi.people.UnitQuery;
import org.gongzhi.people.UnitView;
import org.gongzhi.people.Units;
import org.gongzhi.shared.DomainException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Houses and units", description = "实有房屋 and 实有单位 in the caller's scope")
class HouseUnitApiController {

	private final Houses houses;

	private final Units units;

	HouseUnitApiController(Houses houses, Units units) {
		this.houses = houses;
		this.units = units;
	}

	@GetMapping("/api/v1/houses")
	@Operation(summary = "Houses in the caller's scope (paged)")
	ApiPage<HouseView> houses(@Parameter(description = "community, grid, building or unit code") @RequestParam(required = false) String area,
			@RequestParam(required = false) HouseUse use,
			@Parameter(description = "owner name or address text") @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page, @RequestParam(required = false) Integer size,
			@AuthenticationPrincipal GongzhiUser me) {
		return ApiPage.of(houses.search(me, new HouseQuery(area, use, q, page, size == null ? 20 : size)));
	}

	@GetMapping("/api/v1/houses/{roomCode}")
	@Operation(summary = "A house with its occupants (tenants marked)")
	HouseView house(@PathVariable String roomCode, @AuthenticationPrincipal GongzhiUser me) {
		return houses.house(me, roomCode);
	}

	@PutMapping("/api/v1/houses/{roomCode}")
	@Operation(summary = "Record a house's use (自住, 出租, 空置, 商用) and owner")
	HouseView saveHouse(@PathVariable String roomCode, @Valid @RequestBody HouseCmd cmd,
			@AuthenticationPrincipal GongzhiUser me) {
		if (!roomCode.equals(cmd.roomCode())) {
			throw DomainException.invalid("roomCode", "people.room.unknown");
		}
		return houses.save(me, cmd);
	}

	@GetMapping("/api/v1/units")
	@Operation(summary = "Units (实有单位) in the caller's scope (paged)")
	ApiPage<UnitView> units(@Parameter(description = "community, grid or building code") @RequestParam(required = false) String area,
			@RequestParam(required = false) UnitKind kind,
			@Parameter(description = "name, credit code or contact name") @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page, @RequestParam(required = false) Integer size,
			@AuthenticationPrincipal GongzhiUser me) {
		return ApiPage.of(units.search(me, new UnitQuery(area, kind, q, page, size == null ? 20 : size)));
	}

	@GetMapping("/api/v1/units/{id}")
	@Operation(summary = "A unit")
	UnitView unit(@PathVariable long id, @AuthenticationPrincipal GongzhiUser me) {
		return units.unit(me, id);
	}

	@PostMapping("/api/v1/units")
	@Operation(summary = "Register a unit on a grid, building or room")
	ResponseEntity<UnitView> createUnit(@Valid @RequestBody UnitCmd cmd, @AuthenticationPrincipal GongzhiUser me) {
		UnitView created = units.create(me, cmd);
		return ResponseEntity.created(URI.create("/api/v1/units/" + created.id())).body(created);
	}

	@PutMapping("/api/v1/units/{id}")
	@Operation(summary = "Change a unit; a stale version answers 409")
	UnitView updateUnit(@PathVariable long id, @RequestParam int version, @Valid @RequestBody UnitCmd cmd,
			@AuthenticationPrincipal GongzhiUser me) {
		return units.update(me, id, cmd, version);
	}

}
