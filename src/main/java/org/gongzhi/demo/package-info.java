/**
 * Demo data (演示数据): on the first start with {@code gongzhi.demo=true}, loads the fictional 和平街道 with its
 * communities, grids, buildings, units and rooms, departments, one account per role and grid workers. Nothing depends
 * on this module; it only uses the other modules' published APIs.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data")
package org.gongzhi.demo;
