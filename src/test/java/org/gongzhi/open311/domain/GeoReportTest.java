package org.gongzhi.open311.domain;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validation;
import org.gongzhi.cases.CaseApi;
import org.gongzhi.cases.CaseStatus;
import org.gongzhi.cases.CaseView;
import org.gongzhi.cases.CategoryView;
import org.gongzhi.cases.Channel;
import org.gongzhi.cases.ReportCaseCmd;
import org.gongzhi.cases.RequestKind;
import org.gongzhi.shared.DomainException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * How a GeoReport request becomes a case command, without the database: the reporter's fields, the answers to the
 * service's questions appended to the description, and the case module's refusals turned into 400s.
 */
class GeoReportTest {

	static final String QUESTIONS = """
			[{"code":"kinds","datatype":"multivaluelist","required":true,"order":1,"description":"问题类型",
			  "values":[{"key":"noise","name":"噪声"},{"key":"smell","name":"异味"}]},
			 {"code":"count","datatype":"number","order":2,"description":"人数"},
			 {"code":"since","datatype":"datetime","order":3,"description":"开始时间"}]
			""";

	FakeCases cases = new FakeCases();

	GeoReport geoReport;

	@AfterEach
	void resetLocale() {
		LocaleContextHolder.resetLocaleContext();
	}

	@BeforeEach
	void setUp() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames("messages/open311");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		ClientRegistry clients = new ClientRegistry(null, null) {
			@Override
			public Optional<Open311Client> authenticate(String apiKey) {
				return "k".equals(apiKey) ? Optional.of(new Open311Client(1, "acme", true, Instant.now(), "admin"))
						: Optional.empty();
			}
		};
		geoReport = new GeoReport(cases.api, clients, messages,
				Validation.buildDefaultValidatorFactory().getValidator());
		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
	}

	private static NewServiceRequest request(String serviceCode, String phone, Map<String, List<String>> answers) {
		return new NewServiceRequest("k", serviceCode, "39.96", "116.41", null, null, "a@b.c", "dev", "acc", "Ming",
				"Wang", phone, "  楼下很吵  ", "https://example.com/a.jpg", answers);
	}

	@Test
	void aRequestIsFiledAsAComplaintThroughTheOpen311ChannelOnBehalfOfTheClient() {
		Receipt receipt = geoReport.submit(request("0601", "13812345678",
				Map.of("kinds", List.of("noise", "smell"), "count", List.of("3"), "since",
						List.of("2026-03-01T22:00:00+08:00"))));

		assertThat(receipt.serviceRequestId()).isEqualTo("C1");
		assertThat(receipt.serviceNotice()).contains("C1");
		assertThat(receipt.accountId()).isNull();
		assertThat(cases.principal).isEqualTo("open311:acme");
		ReportCaseCmd cmd = cases.filed;
		assertThat(cmd.channel()).isEqualTo(Channel.OPEN311);
		assertThat(cmd.open311Client()).isEqualTo("acme");
		assertThat(cmd.requestKind()).isEqualTo(RequestKind.COMPLAINT);
		assertThat(cmd.categoryCode()).isEqualTo("0601");
		assertThat(cmd.lat()).isEqualTo(39.96);
		assertThat(cmd.lng()).isEqualTo(116.41);
		assertThat(cmd.reporterName()).isEqualTo("Ming Wang");
		assertThat(cmd.reporterPhone()).isEqualTo("13812345678");
		assertThat(cmd.photos()).containsExactly("https://example.com/a.jpg");
		assertThat(cmd.description()).isEqualTo("""
				楼下很吵
				【问题类型】噪声、异味
				【人数】3
				【开始时间】2026-03-01T22:00:00+08:00""");
		assertThat(cmd.description()).doesNotContain("a@b.c");
	}

	@Test
	void aPhoneTheCaseModuleWouldRefuseIsDroppedNeverPublished() {
		geoReport.submit(request("0601", "+1 415 555 0100", Map.of("kinds", List.of("noise"))));

		assertThat(cases.filed.reporterPhone()).isNull();
		assertThat(cases.filed.description()).doesNotContain("415");
	}

	@Test
	void answersOutsideTheListOrOfTheWrongTypeAreRefused() {
		assertThatThrownBy(() -> geoReport.submit(request("0601", null, Map.of())))
			.isInstanceOfSatisfying(DomainException.class, ex -> {
				assertThat(ex.status()).isEqualTo(HttpStatus.BAD_REQUEST);
				assertThat(ex.messageKey()).isEqualTo("open311.error.attributeRequired");
			});
		assertThatThrownBy(() -> geoReport.submit(request("0601", null, Map.of("kinds", List.of("noise", "rats")))))
			.isInstanceOfSatisfying(DomainException.class,
					ex -> assertThat(ex.messageKey()).isEqualTo("open311.error.attributeValue"));
		assertThatThrownBy(() -> geoReport
			.submit(request("0601", null, Map.of("kinds", List.of("noise"), "count", List.of("three")))))
			.isInstanceOfSatisfying(DomainException.class,
					ex -> assertThat(ex.messageKey()).isEqualTo("open311.error.attributeNumber"));
		assertThatThrownBy(() -> geoReport
			.submit(request("0601", null, Map.of("kinds", List.of("noise"), "since", List.of("last night")))))
			.isInstanceOfSatisfying(DomainException.class,
					ex -> assertThat(ex.messageKey()).isEqualTo("open311.error.attributeDatetime"));
		assertThat(cases.filed).isNull();
	}

	@Test
	void theCaseModulesRefusalsBecomeBadRequestsAndAnInvalidCommandIsNeverSent() {
		cases.refusal = DomainException.invalid("lng", "case.location.outside");

		assertThatThrownBy(() -> geoReport.submit(request("0102", null, Map.of())))
			.isInstanceOfSatisfying(DomainException.class, ex -> {
				assertThat(ex.status()).isEqualTo(HttpStatus.BAD_REQUEST);
				assertThat(ex.messageKey()).isEqualTo("case.location.outside");
			});

		cases.refusal = null;
		NewServiceRequest tooLong = new NewServiceRequest("k", "0102", null, null, "某小区", null, null, null, null,
				null, null, null, "长".repeat(2001), null, null);
		assertThatThrownBy(() -> geoReport.submit(tooLong)).isInstanceOf(ConstraintViolationException.class);
		assertThat(cases.filed).isNull();
	}

	@Test
	void onlyAKnownKeyMayFileAndOnlyMinorCategoriesAreServices() {
		NewServiceRequest noKey = new NewServiceRequest(null, "0102", "39.9", "116.4", null, null, null, null, null,
				null, null, null, "x", null, null);
		assertThatThrownBy(() -> geoReport.submit(noKey)).isInstanceOfSatisfying(DomainException.class,
				ex -> assertThat(ex.status()).isEqualTo(HttpStatus.FORBIDDEN));
		assertThatThrownBy(() -> geoReport.submit(request("01", null, Map.of())))
			.isInstanceOfSatisfying(DomainException.class,
					ex -> assertThat(ex.messageKey()).isEqualTo("open311.error.serviceUnknown"));
		NewServiceRequest script = new NewServiceRequest("k", "0102", "39.9", "116.4", null, null, null, null, null,
				null, null, null, "x", "javascript:alert(1)", null);
		assertThatThrownBy(() -> geoReport.submit(script))
			.isInstanceOfSatisfying(DomainException.class,
					ex -> assertThat(ex.messageKey()).isEqualTo("open311.error.mediaUrl"));
		assertThat(geoReport.services()).extracting(ServiceView::code).containsExactly("0102", "0601");
		assertThat(geoReport.services()).filteredOn(s -> s.code().equals("0601")).singleElement()
			.satisfies(s -> {
				assertThat(s.metadata()).isTrue();
				assertThat(s.group()).isEqualTo("其他");
				assertThat(s.keywords()).isEqualTo("事件,其他");
			});
	}

	/** A case module that records what it was asked to file (a Mockito mock, so new CaseApi methods need no change). */
	static class FakeCases {

		final List<CategoryView> categories = List.of(category("01", null, "市容环境", null),
				category("0102", "01", "暴露垃圾", null), category("06", null, "其他", null),
				category("0601", "06", "噪声扰民", QUESTIONS));

		final CaseApi api = mock(CaseApi.class);

		ReportCaseCmd filed;

		String principal;

		DomainException refusal;

		FakeCases() {
			when(api.categories()).thenReturn(categories);
			when(api.category(anyString())).thenAnswer(
					i -> categories.stream().filter(c -> c.code().equals(i.getArgument(0))).findFirst());
			when(api.report(any(), anyString(), any())).thenAnswer(i -> report(i.getArgument(0), i.getArgument(1)));
		}

		static CategoryView category(String code, String parent, String name, String attributes) {
			return new CategoryView(code, parent, "EVENT", name, null, "GRID", null, "GENERAL", 7, "WORKING_DAYS", 240,
					attributes, true, 0);
		}

		private CaseView report(ReportCaseCmd cmd, String principal) {
			if (refusal != null) {
				throw refusal;
			}
			this.filed = cmd;
			this.principal = principal;
			return new CaseView(1, "C1", CaseStatus.ACCEPTED, cmd.requestKind(), cmd.categoryCode(), "",
					cmd.description(), cmd.address(), cmd.lng(), cmd.lat(), null, null, null, cmd.channel(),
					cmd.reporterName(), null, null, null, null, null, Instant.now(), null, null, Instant.now(), null,
					null, false, false, null, 0);
		}

	}

}
