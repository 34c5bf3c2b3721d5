package org.gongzhi.people;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * Registering or changing a unit (实有单位).
 *
 * @param areaCode a grid, building, unit or room code inside the caller's scope
 * @param creditCode 统一社会信用代码 (18 characters), optional
 */
public record UnitCmd(
		@NotBlank(message = "{people.unit.name.required}") @Size(max = 100, message = "{people.unit.name.size}") String name,
		@NotNull(message = "{people.unit.kind.required}") UnitKind kind,
		@Pattern(regexp = "^$|^[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}$", message = "{people.unit.creditCode}") String creditCode,
		@NotBlank(message = "{people.unit.area.required}") @Size(max = 24, message = "{people.room.unknown}") String areaCode,
		@Size(max = 200, message = "{people.address.size}") String address,
		@Size(max = 50, message = "{people.name.size}") String contactName,
		@Pattern(regexp = "^$|^1\\d{10}$|^0\\d{2,3}-?\\d{7,8}$", message = "{people.phone.pattern}") String contactPhone,
		@PositiveOrZero(message = "{people.unit.employees}") Integer employees,
		@Size(max = 500, message = "{people.note.size}") String note) {
}
