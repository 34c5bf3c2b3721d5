/**
 * Demo data (演示数据): on the first start with {@code gongzhi.demo=true}, loads the fictional 和平街道 with its
 * communities, grids, buildings, units and rooms, departments, one account per role and grid workers, then a year of
 * historical cases. Nothing depends on this module; it uses the other modules' published APIs, except that the
 * historical cases are written straight into the cases module's tables (see DemoCasesLoader for why).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data")
package org.gongzhi.demo;
