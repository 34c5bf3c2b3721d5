/**
 * Areas and grids (区域与网格, one grid for everything): the hierarchy district → street → community → grid → building
 * → unit → room, grid polygons with import and the in-memory point-to-grid locator (网格定位), and staff assignment
 * (网格员, 楼长, 单元长). Publishes {@link org.gongzhi.area.Areas} for reading and locating,
 * {@link org.gongzhi.area.AreaAdministration} for bulk set-up, and the event {@link org.gongzhi.area.GridsChanged}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Areas and grids")
package org.gongzhi.area;
