package org.gongzhi.cases.web;

import java.util.List;
import java.util.UUID;

import org.gongzhi.cases.Channel;
import org.gongzhi.cases.ReportCaseCmd;
import org.gongzhi.cases.RequestKind;
import org.springframework.web.multipart.MultipartFile;

/**
 * The report form (我要反映) as the browser posts it; becomes a {@link ReportCaseCmd}, which carries the validation.
 * The idempotency key is drawn once per rendered form, so a double submit files one case.
 */
public class ReportForm {

	private String major;

	private String categoryCode;

	private RequestKind requestKind = RequestKind.COMPLAINT;

	private String description;

	private Double lng;

	private Double lat;

	private String address;

	private String reporterName;

	private String reporterPhone;

	private boolean selfHandle;

	private String idempotencyKey;

	private List<MultipartFile> photos;

	/** A blank form with a new idempotency key. */
	public static ReportForm fresh() {
		ReportForm form = new ReportForm();
		form.idempotencyKey = UUID.randomUUID().toString();
		return form;
	}

	ReportCaseCmd toCmd(Channel channel, List<String> photos) {
		return new ReportCaseCmd(categoryCode, requestKind, description, lng, lat, address,
				channel == Channel.HOTLINE ? reporterName : null, channel == Channel.HOTLINE ? reporterPhone : null,
				photos, channel, null);
	}

	public String getMajor() {
		return major;
	}

	public void setMajor(String major) {
		this.major = major;
	}

	public String getCategoryCode() {
		return categoryCode;
	}

	public void setCategoryCode(String categoryCode) {
		this.categoryCode = categoryCode;
	}

	public RequestKind getRequestKind() {
		return requestKind;
	}

	public void setRequestKind(RequestKind requestKind) {
		this.requestKind = requestKind;
	}

	public String getDescription() {
		return description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

	public Double getLng() {
		return lng;
	}

	public void setLng(Double lng) {
		this.lng = lng;
	}

	public Double getLat() {
		return lat;
	}

	public void setLat(Double lat) {
		this.lat = lat;
	}

	public String getAddress() {
		return address;
	}

	public void setAddress(String address) {
		this.address = address;
	}

	public String getReporterName() {
		return reporterName;
	}

	public void setReporterName(String reporterName) {
		this.reporterName = reporterName;
	}

	public String getReporterPhone() {
		return reporterPhone;
	}

	public void setReporterPhone(String reporterPhone) {
		this.reporterPhone = reporterPhone;
	}

	public boolean isSelfHandle() {
		return selfHandle;
	}

	public void setSelfHandle(boolean selfHandle) {
		this.selfHandle = selfHandle;
	}

	public List<MultipartFile> getPhotos() {
		return photos;
	}

	public void setPhotos(List<MultipartFile> photos) {
		this.photos = photos;
	}

	public String getIdempotencyKey() {
		return idempotencyKey;
	}

	public void setIdempotencyKey(String idempotencyKey) {
		this.idempotencyKey = idempotencyKey;
	}

}
