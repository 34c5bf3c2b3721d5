package org.gongzhi.open311.web;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.gongzhi.area.Areas;
import org.gongzhi.support.Api;
import org.gongzhi.support.GongzhiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.w3c.dom.Document;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzhi.open311.web.GeoReportSupport.DEMO_KEY;
import static org.gongzhi.open311.web.GeoReportSupport.body;
import static org.gongzhi.open311.web.GeoReportSupport.count;
import static org.gongzhi.open311.web.GeoReportSupport.file;
import static org.gongzhi.open311.web.GeoReportSupport.json;
import static org.gongzhi.open311.web.GeoReportSupport.newRequest;
import static org.gongzhi.open311.web.GeoReportSupport.xml;
import static org.gongzhi.open311.web.GeoReportSupport.xpath;

/**
 * Open311 GeoReport v2 as a third-party client uses it, without signing in: discovery, services and their
 * definitions, filing a request with the api_key (which becomes a normal case staff see), following it and searching
 * requests, in JSON and XML, with the specification's error bodies.
 */
@GongzhiTest
class GeoReportApiTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Areas areas;

	private MvcTestResult get(String uri, String... params) {
		var request = mvc.get().uri(uri);
		for (int i = 0; i < params.length; i += 2) {
			request.param(params[i], params[i + 1]);
		}
		return request.exchange();
	}

	private static List<JsonNode> list(JsonNode array) {
		List<JsonNode> nodes = new ArrayList<>();
		array.forEach(nodes::add);
		return nodes;
	}

	// discovery

	@Test
	void discoveryNamesTheGeoReportEndpointInJson() {
		MvcTestResult result = get("/open311/v2/discovery.json");

		assertThat(result).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
		JsonNode discovery = json(result);
		assertThat(discovery.path("changeset").asString()).endsWith("+08:00");
		assertThat(discovery.path("contact").asString()).isNotBlank();
		assertThat(discovery.path("key_service").asString()).isNotBlank();
		JsonNode endpoint = discovery.path("endpoints").get(0);
		assertThat(endpoint.path("specification").asString()).isEqualTo("http://wiki.open311.org/GeoReport_v2");
		assertThat(endpoint.path("url").asString()).endsWith("/open311/v2");
		assertThat(endpoint.path("type").asString()).isEqualTo("production");
		assertThat(list(endpoint.path("formats"))).extracting(JsonNode::asString)
			.containsExactly("text/xml", "application/json");
	}

	@Test
	void discoveryInXmlHasTheDeclarationAndTheSameEndpoint() {
		MvcTestResult result = get("/open311/v2/discovery.xml");

		assertThat(result).hasStatusOk().hasContentTypeCompatibleWith(MediaType.TEXT_XML);
		assertThat(body(result)).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
		Document doc = xml(result);
		assertThat(xpath(doc, "/discovery/endpoints/endpoint/specification"))
			.isEqualTo("http://wiki.open311.org/GeoReport_v2");
		assertThat(xpath(doc, "/discovery/endpoints/endpoint/type")).isEqualTo("production");
		assertThat(count(doc, "/discovery/endpoints/endpoint/formats/format")).isEqualTo(2);
		assertThat(get("/open311/discovery.xml")).hasStatusOk();
	}

	// services

	@Test
	void servicesAreTheMinorCategoriesGroupedByTheirMajor() {
		MvcTestResult result = get("/open311/v2/services.json");

		assertThat(result).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
		JsonNode services = json(result);
		assertThat(services.isArray()).isTrue();
		List<String> codes = new ArrayList<>();
		services.forEach(s -> codes.add(s.path("service_code").asString()));
		assertThat(codes).contains("0102", "1101").doesNotContain("01", "11");
		JsonNode garbage = service(services, "0102");
		assertThat(garbage.path("service_name").asString()).isEqualTo("暴露垃圾");
		assertThat(garbage.path("group").asString()).isEqualTo("市容环境");
		assertThat(garbage.path("metadata").asBoolean()).isFalse();
		assertThat(garbage.path("metadata").isBoolean()).isTrue();
		assertThat(garbage.path("type").asString()).isEqualTo("realtime");
		assertThat(garbage.path("keywords").asString()).contains("市容环境");
		JsonNode manhole = service(services, "1101");
		assertThat(manhole.path("metadata").asBoolean()).isTrue();
		assertThat(manhole.path("group").asString()).isEqualTo("公用设施");
		assertThat(body(get("/open311/v2/services"))).isEqualTo(body(result));
	}

	@Test
	void servicesInXmlListTheSameServices() {
		int inJson = json(get("/open311/v2/services.json")).size();

		Document doc = xml(get("/open311/v2/services.xml"));

		assertThat(count(doc, "/services/service")).isEqualTo(inJson);
		assertThat(xpath(doc, "/services/service[service_code='1101']/metadata")).isEqualTo("true");
		assertThat(xpath(doc, "/services/service[service_code='0102']/group")).isEqualTo("市容环境");
		assertThat(xpath(doc, "/services/service[service_code='0102']/type")).isEqualTo("realtime");
	}

	@Test
	void aServiceDefinitionListsItsQuestionsWithTheirValues() {
		JsonNode definition = json(get("/open311/v2/services/1101.json"));

		assertThat(definition.path("service_code").asString()).isEqualTo("1101");
		JsonNode damage = definition.path("attributes").get(0);
		assertThat(damage.path("variable").asBoolean()).isTrue();
		assertThat(damage.path("code").asString()).isEqualTo("damage");
		assertThat(damage.path("datatype").asString()).isEqualTo("singlevaluelist");
		assertThat(damage.path("required").asBoolean()).isTrue();
		assertThat(damage.path("order").asInt()).isEqualTo(1);
		assertThat(damage.path("description").asString()).isEqualTo("井盖情况");
		assertThat(list(damage.path("values"))).extracting(v -> v.path("key").asString())
			.containsExactly("missing", "broken", "loose");

		Document doc = xml(get("/open311/v2/services/1101.xml"));
		assertThat(xpath(doc, "/service_definition/service_code")).isEqualTo("1101");
		assertThat(xpath(doc, "/service_definition/attributes/attribute/variable")).isEqualTo("true");
		assertThat(xpath(doc, "/service_definition/attributes/attribute/datatype")).isEqualTo("singlevaluelist");
		assertThat(count(doc, "/service_definition/attributes/attribute/values/value")).isEqualTo(3);
		assertThat(xpath(doc, "/service_definition/attributes/attribute/values/value[key='broken']/name"))
			.isEqualTo("破损");
	}

	@Test
	void aServiceWithoutQuestionsHasNoAttributes() {
		JsonNode definition = json(get("/open311/v2/services/0102.json"));

		assertThat(definition.path("attributes").isArray()).isTrue();
		assertThat(definition.path("attributes").size()).isZero();
	}

	@Test
	void unknownServicesAndMajorCategoriesAre404InTheAskedFormat() {
		MvcTestResult json = get("/open311/v2/services/9999.json");
		assertThat(json).hasStatus(404).hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
		assertThat(json(json).get(0).path("code").asInt()).isEqualTo(404);
		assertThat(json(json).get(0).path("description").asString()).contains("9999");

		MvcTestResult xml = get("/open311/v2/services/01.xml");
		assertThat(xml).hasStatus(404).hasContentTypeCompatibleWith(MediaType.TEXT_XML);
		assertThat(xpath(xml(xml), "/errors/error/code")).isEqualTo("404");

		assertThat(get("/open311/v2/nothing-here.xml")).hasStatus(404);
		assertThat(xpath(xml(get("/open311/v2/nothing-here.xml")), "/errors/error/code")).isEqualTo("404");
		assertThat(get("/open311/v2/services.csv")).hasStatus(404);
	}

	// filing

	@Test
	void withoutAnApiKeyFilingIsForbidden() {
		MvcTestResult json = newRequest(mvc, "/open311/v2/requests.json", null, "0102").exchange();
		assertThat(json).hasStatus(403);
		assertThat(json(json).get(0).path("code").asInt()).isEqualTo(403);
		assertThat(json(json).get(0).path("description").asString()).contains("api_key");

		MvcTestResult xml = newRequest(mvc, "/open311/v2/requests.xml", null, "0102").exchange();
		assertThat(xml).hasStatus(403).hasContentTypeCompatibleWith(MediaType.TEXT_XML);
		assertThat(xpath(xml(xml), "/errors/error/code")).isEqualTo("403");
		assertThat(xpath(xml(xml), "/errors/error/description")).contains("api_key");
		assertThat(body(xml)).doesNotContain("Exception", "at org.");
	}

	@Test
	void aWrongApiKeyIsForbidden() {
		assertThat(newRequest(mvc, "/open311/v2/requests.json", "not-a-key", "0102").exchange()).hasStatus(403);
	}

	@Test
	void aMissingOrUnknownServiceIsABadRequest() {
		MvcTestResult missing = newRequest(mvc, "/open311/v2/requests.json", DEMO_KEY, null).exchange();
		assertThat(missing).hasStatus(400);
		assertThat(json(missing).get(0).path("code").asInt()).isEqualTo(400);
		assertThat(json(missing).get(0).path("description").asString()).contains("service_code");

		MvcTestResult unknown = newRequest(mvc, "/open311/v2/requests.xml", DEMO_KEY, "9999").exchange();
		assertThat(unknown).hasStatus(400);
		assertThat(xpath(xml(unknown), "/errors/error/code")).isEqualTo("400");
	}

	@Test
	void aRequestNeedsALocation() {
		MvcTestResult none = mvc.post().uri("/open311/v2/requests.json")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED).param("api_key", DEMO_KEY)
			.param("service_code", "0102").param("description", "垃圾").exchange();
		assertThat(none).hasStatus(400);
		assertThat(json(none).get(0).path("description").asString()).contains("address_string");

		MvcTestResult halfPoint = mvc.post().uri("/open311/v2/requests.json")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED).param("api_key", DEMO_KEY)
			.param("service_code", "0102").param("lat", "39.96").param("description", "垃圾").exchange();
		assertThat(halfPoint).hasStatus(400);

		MvcTestResult notANumber = newRequest(mvc, "/open311/v2/requests.json", DEMO_KEY, "0102", "long", "east")
			.exchange();
		assertThat(notANumber).hasStatus(400);
	}

	@Test
	void requiredAndListAttributesAreChecked() {
		MvcTestResult missing = newRequest(mvc, "/open311/v2/requests.json", DEMO_KEY, "1101").exchange();
		assertThat(missing).hasStatus(400);
		assertThat(json(missing).get(0).path("description").asString()).contains("damage");

		MvcTestResult wrongKey = newRequest(mvc, "/open311/v2/requests.json", DEMO_KEY, "1101", "attribute[damage]",
				"stolen").exchange();
		assertThat(wrongKey).hasStatus(400);
		assertThat(json(wrongKey).get(0).path("description").asString()).contains("stolen");

		MvcTestResult ok = newRequest(mvc, "/open311/v2/requests.json", DEMO_KEY, "1101", "attribute[damage]",
				"broken").exchange();
		assertThat(ok).hasStatusOk();
		String id = json(ok).get(0).path("service_request_id").asString();
		JsonNode filed = json(get("/open311/v2/requests/" + id + ".json")).get(0);
		assertThat(filed.path("description").asString()).contains("【井盖情况】破损");
	}

	@Test
	void theCaseModulesRefusalsAreBadRequests() {
		MvcTestResult tooLong = newRequest(mvc, "/open311/v2/requests.json", DEMO_KEY, "0102", "description",
				"长".repeat(2001)).exchange();

		assertThat(tooLong).hasStatus(400);
		assertThat(json(tooLong).get(0).path("code").asInt()).isEqualTo(400);
		assertThat(json(tooLong).get(0).path("description").asString()).isNotBlank();
	}

	@Test
	void aFiledRequestIsAnOpenCaseThatStaffSeeAndTheClientFollows() {
		MvcTestResult filed = mvc.post().uri("/open311/v2/requests.json")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED).param("api_key", DEMO_KEY)
			.param("service_code", "0102").param("lat", GeoReportSupport.LAT).param("long", GeoReportSupport.LNG)
			.param("address_string", "和平街道安和里 3 号楼北侧").param("first_name", "小明").param("last_name", "王")
			.param("phone", "13812345678").param("email", "wang@example.com")
			.param("media_url", "https://example.com/photos/garbage.jpg")
			.param("description", "小区门口有暴露垃圾").exchange();

		assertThat(filed).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
		JsonNode receipt = json(filed).get(0);
		assertThat(receipt.path("service_request_id").isString()).isTrue();
		String id = receipt.path("service_request_id").asString();
		assertThat(receipt.path("service_notice").asString()).contains(id);
		assertThat(receipt.has("account_id")).isTrue();
		assertThat(receipt.path("account_id").isNull()).isTrue();

		JsonNode request = json(get("/open311/v2/requests/" + id + ".json")).get(0);
		assertThat(request.path("service_request_id").isString()).isTrue();
		assertThat(request.path("service_request_id").asString()).isEqualTo(id);
		assertThat(request.path("status").asString()).isEqualTo("open");
		assertThat(request.path("service_code").asString()).isEqualTo("0102");
		assertThat(request.path("service_name").asString()).isEqualTo("暴露垃圾");
		assertThat(request.path("description").asString()).contains("小区门口有暴露垃圾");
		assertThat(request.path("address").asString()).isEqualTo("和平街道安和里 3 号楼北侧");
		assertThat(request.path("lat").asDouble()).isEqualTo(39.964);
		assertThat(request.path("long").asDouble()).isEqualTo(116.418);
		assertThat(request.path("media_url").asString()).isEqualTo("https://example.com/photos/garbage.jpg");
		assertThat(request.path("requested_datetime").asString()).matches(".*T.*\\+08:00");
		assertThat(OffsetDateTime.parse(request.path("requested_datetime").asString()).getOffset())
			.isEqualTo(ZoneOffset.ofHours(8));
		assertThat(request.path("updated_datetime").asString()).endsWith("+08:00");
		assertThat(body(get("/open311/v2/requests/" + id + ".json"))).doesNotContain("13812345678",
				"wang@example.com");

		Document doc = xml(get("/open311/v2/requests/" + id + ".xml"));
		assertThat(xpath(doc, "/service_requests/request/service_request_id")).isEqualTo(id);
		assertThat(xpath(doc, "/service_requests/request/status")).isEqualTo("open");
		assertThat(xpath(doc, "/service_requests/request/requested_datetime")).endsWith("+08:00");
		assertThat(count(doc, "/service_requests/request/zipcode")).isEqualTo(1);

		MvcTestResult staff = mvc.get().uri("/api/v1/cases/" + id)
			.header(HttpHeaders.AUTHORIZATION, Api.bearer(Api.token(mvc, "street"))).exchange();
		assertThat(staff).hasStatusOk();
		assertThat(body(staff)).contains(id, "OPEN311");
	}

	@Test
	void aFiledRequestsNumberIsItsToken() {
		String id = file(mvc, "0102");

		JsonNode token = json(get("/open311/v2/tokens/" + id + ".json")).get(0);
		assertThat(token.path("service_request_id").asString()).isEqualTo(id);
		assertThat(token.path("token").asString()).isEqualTo(id);
		assertThat(xpath(xml(get("/open311/v2/tokens/" + id + ".xml")), "/service_requests/request/token"))
			.isEqualTo(id);
		assertThat(get("/open311/v2/tokens/NO-SUCH-TOKEN.json")).hasStatus(404);
	}

	@Test
	void anUnknownRequestIs404() {
		MvcTestResult result = get("/open311/v2/requests/NO-SUCH-CASE.xml");

		assertThat(result).hasStatus(404);
		assertThat(xpath(xml(result), "/errors/error/code")).isEqualTo("404");
	}

	// searching

	@Test
	void requestsAreSearchedByEachFilter() {
		String garbage = file(mvc, "0102");
		String other = file(mvc, "0104");
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8));

		assertThat(field("service_request_id", "service_request_id", garbage + "," + other + ",NONE"))
			.containsExactlyInAnyOrder(garbage, other);
		assertThat(field("service_request_id", "service_code", "0102")).contains(garbage).doesNotContain(other);
		assertThat(field("service_code", "service_code", "0102")).containsOnly("0102");
		assertThat(field("service_request_id", "service_code", "0102,0104")).contains(garbage, other);
		assertThat(field("service_request_id", "status", "open")).contains(garbage, other);
		assertThat(field("service_request_id", "status", "closed")).doesNotContain(garbage, other);
		assertThat(field("status", "status", "closed")).allMatch("closed"::equals);
		assertThat(field("status", "status", "open")).isNotEmpty().allMatch("open"::equals);
		assertThat(field("service_request_id", "status", "open,closed")).contains(garbage, other);
		assertThat(field("service_request_id", "start_date", w3c(now.minusHours(1)), "end_date", w3c(now.plusHours(1))))
			.contains(garbage, other);
		assertThat(field("service_request_id", "start_date", w3c(now.minusDays(200)), "end_date",
				w3c(now.minusDays(150)))).doesNotContain(garbage, other);
		assertThat(field("service_request_id", "start_date", w3c(now.minusDays(1)))).contains(garbage);
		assertThat(field("service_request_id", "end_date", w3c(now.minusDays(1)))).doesNotContain(garbage);
		assertThat(field("service_request_id", "start_date", w3c(now.minusHours(1)).replace("+", " ")))
			.contains(garbage);
	}

	@Test
	void byDefaultTheNewestRequestsOfTheLastNinetyDaysComeFirst() {
		String id = file(mvc, "0102");

		JsonNode all = json(get("/open311/v2/requests.json"));

		assertThat(all.size()).isBetween(1, 1000);
		List<OffsetDateTime> dates = new ArrayList<>();
		List<String> ids = new ArrayList<>();
		all.forEach(r -> {
			dates.add(OffsetDateTime.parse(r.path("requested_datetime").asString()));
			ids.add(r.path("service_request_id").asString());
			assertThat(r.path("service_request_id").isString()).isTrue();
		});
		assertThat(ids).contains(id);
		assertThat(dates).isSortedAccordingTo((a, b) -> b.compareTo(a));
		assertThat(dates).allSatisfy(d -> assertThat(d).isAfter(OffsetDateTime.now().minusDays(91)));

		Document doc = xml(get("/open311/v2/requests.xml?service_request_id=" + id));
		assertThat(count(doc, "/service_requests/request")).isEqualTo(1);
		assertThat(xpath(doc, "/service_requests/request/status")).isEqualTo("open");
	}

	@Test
	void badFiltersAreBadRequests() {
		assertThat(get("/open311/v2/requests.json?status=pending")).hasStatus(400);
		assertThat(get("/open311/v2/requests.json?start_date=yesterday")).hasStatus(400);
		MvcTestResult tooLong = get("/open311/v2/requests.json", "start_date",
				w3c(OffsetDateTime.now().minusDays(120)), "end_date", w3c(OffsetDateTime.now()));
		assertThat(tooLong).hasStatus(400);
		assertThat(json(tooLong).get(0).path("description").asString()).contains("90");
		MvcTestResult xml = get("/open311/v2/requests.xml?status=pending");
		assertThat(xpath(xml(xml), "/errors/error/code")).isEqualTo("400");
	}

	private static String w3c(OffsetDateTime date) {
		return date.withNano(0).withOffsetSameInstant(ZoneOffset.ofHours(8)).toString();
	}

	/** One field of every request {@code GET requests.json} answers for the given parameters. */
	private List<String> field(String name, String... params) {
		MvcTestResult result = get("/open311/v2/requests.json", params);
		assertThat(result).hasStatusOk();
		List<String> values = new ArrayList<>();
		json(result).forEach(r -> values.add(r.path(name).asString()));
		return values;
	}

	private static JsonNode service(JsonNode services, String code) {
		for (JsonNode s : services) {
			if (s.path("service_code").asString().equals(code)) {
				return s;
			}
		}
		throw new AssertionError("no service " + code);
	}

}
