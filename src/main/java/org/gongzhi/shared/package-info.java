/**
 * The tiny shared kernel: paging, problem details, the clock and the database bootstrap (embedded or external
 * PostgreSQL). Every module may use it; it depends on no business module.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.gongzhi.shared;
