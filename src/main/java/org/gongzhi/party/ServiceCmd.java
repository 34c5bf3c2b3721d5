package org.gongzhi.party;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

/**
 * Records service done on a claimed post: the day, hours (0.5 to 24) and what was done.
 */
public record ServiceCmd(
		@NotNull(message = "{party.servedOn.required}") @PastOrPresent(message = "{party.servedOn.past}") LocalDate servedOn,
		@NotNull(message = "{party.hours.required}") @DecimalMin(value = "0.5", message = "{party.hours.range}") @DecimalMax(value = "24", message = "{party.hours.range}") BigDecimal hours,
		@NotBlank(message = "{party.what.required}") @Size(max = 500, message = "{party.what.size}") String what) {
}
