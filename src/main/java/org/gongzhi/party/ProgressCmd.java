package org.gongzhi.party;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A progress update on a project (项目进展): the percentage done, the result so far, and optionally a new status;
 * finishing needs a result, and a finished project stands at 100.
 */
public record ProgressCmd(
		@NotNull(message = "{party.lists.progress.required}") @Min(value = 0, message = "{party.lists.progress.range}") @Max(value = 100, message = "{party.lists.progress.range}") Integer progress,
		@Size(max = 1000, message = "{party.lists.result.size}") String result,
		ProjectStatus status) {
}
