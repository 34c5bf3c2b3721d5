/**
 * The portal (统一入口): the role-aware home page, navigation and the display preferences every page shares —
 * language (zh-CN first, English) and the elder-friendly mode (适老化). Owns no data of its own.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Portal")
package org.gongzhi.portal;
