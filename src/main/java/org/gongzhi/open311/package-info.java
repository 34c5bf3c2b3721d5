/**
 * Open311 (GeoReport v2 接口): publishes the case categories as Open311 services and lets third-party clients file and
 * follow service requests at {@code /open311/v2/} in XML and JSON. An Open311 request becomes a normal case in the
 * loop and its {@code service_request_id} is the case number (工单编号). Owns the Open311 clients (接入方) and their
 * API keys, issued by system administrators on {@code /admin/open311}. A thin adapter: it reads and files cases only
 * through {@link org.gongzhi.cases.CaseApi} and publishes nothing to other modules.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Open311")
package org.gongzhi.open311;
