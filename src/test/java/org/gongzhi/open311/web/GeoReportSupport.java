package org.gongzhi.open311.web;

import java.io.ByteArrayInputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Test helpers for the Open311 tests: JSON bodies with Jackson, XML bodies with the JDK's DOM and XPath, and a
 * well-formed service request to file.
 */
final class GeoReportSupport {

	static final String DEMO_KEY = "demo-open311-key";

	/** The middle of the demo street (和平街道). */
	static final String LAT = "39.9640";

	static final String LNG = "116.4180";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private GeoReportSupport() {
	}

	static String body(MvcTestResult result) {
		try {
			return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static JsonNode json(MvcTestResult result) {
		return JSON.readTree(body(result));
	}

	static Document xml(MvcTestResult result) {
		try {
			var factory = DocumentBuilderFactory.newInstance();
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			return factory.newDocumentBuilder()
				.parse(new ByteArrayInputStream(result.getResponse().getContentAsByteArray()));
		}
		catch (Exception ex) {
			throw new IllegalStateException("not XML: " + body(result), ex);
		}
	}

	static String xpath(Document doc, String expression) {
		try {
			return XPathFactory.newInstance().newXPath().evaluate(expression, doc);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	static int count(Document doc, String expression) {
		try {
			return ((NodeList) XPathFactory.newInstance().newXPath().evaluate(expression, doc, XPathConstants.NODESET))
				.getLength();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * {@code POST requests} with the api key, a service, a point in the demo street and a description; further
	 * name/value pairs replace those fields or add others (a {@code null} value leaves the field out).
	 */
	static MockMvcRequestBuilder newRequest(MockMvcTester mvc, String uri, String apiKey, String serviceCode,
			String... fields) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("api_key", apiKey);
		form.put("service_code", serviceCode);
		form.put("lat", LAT);
		form.put("long", LNG);
		form.put("description", "小区门口有暴露垃圾，已经两天没人清理");
		for (int i = 0; i < fields.length; i += 2) {
			form.put(fields[i], fields[i + 1]);
		}
		MockMvcRequestBuilder request = mvc.post().uri(uri).contentType(MediaType.APPLICATION_FORM_URLENCODED);
		form.forEach((name, value) -> {
			if (value != null) {
				request.param(name, value);
			}
		});
		return request;
	}

	/** Files a request with the demo key and answers its service_request_id. */
	static String file(MockMvcTester mvc, String serviceCode) {
		MvcTestResult result = newRequest(mvc, "/open311/v2/requests.json", DEMO_KEY, serviceCode).exchange();
		if (result.getResponse().getStatus() != 200) {
			throw new IllegalStateException("filing failed: " + body(result));
		}
		return json(result).get(0).path("service_request_id").asString();
	}

}
