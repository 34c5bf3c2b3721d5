package org.gongzhi.cases.kpi;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.gongzhi.identity.GongzhiUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "KPIs", description = "考核指标: 响应率, 解决率, 满意率, 结案率, 按期结案率, 返工率, 延期率 (formulas in docs/kpis.md)")
class KpiApiController {

	private final KpiReport report;

	KpiApiController(KpiReport report) {
		this.report = report;
	}

	@GetMapping("/api/v1/kpis")
	@Operation(summary = "Case KPIs per unit, grid, community, street or month, within the caller's data scope",
			description = "Cases count in the period in which they were received (Asia/Shanghai days). Counts are as of "
					+ "the last rollup refresh (at most about 30 s old). Rates are 0–1, null when their denominator is "
					+ "zero. A period may span at most 5 years; from after to, a bad date or an unknown grouping "
					+ "answers 400.")
	List<KpiGroup> kpis(
			@Parameter(description = "first day (YYYY-MM-DD), default the first day of the month 11 months ago")
			@RequestParam(required = false) String from,
			@Parameter(description = "last day, inclusive (YYYY-MM-DD), default today")
			@RequestParam(required = false) String to,
			@Parameter(description = "unit, grid, community, street or month (default); "
					+ "or one of the first four with month, e.g. grid,month")
			@RequestParam(required = false) String groupBy,
			@Parameter(description = "only cases located in this area (district, street, community or grid code), "
					+ "within the caller's scope")
			@RequestParam(required = false) String area,
			@AuthenticationPrincipal GongzhiUser me) {
		KpiReport.requireReader(me);
		return report.groups(me, report.parse(from, to, groupBy, area));
	}

}
