package org.gongzhi.open311.web;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import tools.jackson.databind.json.JsonMapper;

/**
 * A GeoReport answer that renders itself as JSON or XML: a root element with either fields (an object) or
 * {@link Items} (an array, each item an element of its own name in XML), as the specification's examples show.
 * Fields keep their order; {@code null} is JSON {@code null} and an empty XML element.
 */
record Document(String root, Object body) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * The JDK's own StAX writer, not whichever one the classpath brings (aalto-xml, which FastExcel pulls in, writes
	 * the XML declaration with single quotes).
	 */
	private static final XMLOutputFactory XML = XMLOutputFactory.newDefaultFactory();

	/** A list: a JSON array, in XML a sequence of elements named {@code item}. */
	record Items(String item, List<?> values) {
	}

	/** An ordered map of fields given as alternating names and values. */
	static Map<String, Object> fields(Object... pairs) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put((String) pairs[i], pairs[i + 1]);
		}
		return map;
	}

	String render(Format format) {
		return format == Format.XML ? xml() : JSON.writeValueAsString(plain(body));
	}

	private static Object plain(Object value) {
		if (value instanceof Items items) {
			List<Object> list = new ArrayList<>();
			items.values().forEach(v -> list.add(plain(v)));
			return list;
		}
		if (value instanceof Map<?, ?> map) {
			Map<Object, Object> copy = new LinkedHashMap<>();
			map.forEach((k, v) -> copy.put(k, plain(v)));
			return copy;
		}
		return value;
	}

	private String xml() {
		StringWriter out = new StringWriter();
		try {
			XMLStreamWriter w = XML.createXMLStreamWriter(out);
			w.writeStartDocument("UTF-8", "1.0");
			element(w, root, body);
			w.writeEndDocument();
			w.close();
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException(ex);
		}
		return out.toString();
	}

	private static void element(XMLStreamWriter w, String name, Object value) throws XMLStreamException {
		if (value == null) {
			w.writeEmptyElement(name);
			return;
		}
		w.writeStartElement(name);
		if (value instanceof Items items) {
			for (Object v : items.values()) {
				element(w, items.item(), v);
			}
		}
		else if (value instanceof Map<?, ?> map) {
			for (Map.Entry<?, ?> e : map.entrySet()) {
				element(w, (String) e.getKey(), e.getValue());
			}
		}
		else {
			w.writeCharacters(text(value));
		}
		w.writeEndElement();
	}

	private static String text(Object value) {
		if (value instanceof Double d) {
			return BigDecimal.valueOf(d).toPlainString();
		}
		String s = String.valueOf(value);
		StringBuilder clean = new StringBuilder(s.length());
		s.codePoints().filter(Document::allowedInXml).forEach(clean::appendCodePoint);
		return clean.toString();
	}

	/** XML 1.0 allows tab, newline, carriage return and the printable ranges only. */
	private static boolean allowedInXml(int c) {
		return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
				|| (c >= 0x10000 && c <= 0x10FFFF);
	}

}
