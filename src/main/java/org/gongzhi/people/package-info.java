/**
 * Actual people, houses and units (一标三实, GB/T 31000): residents (实有人口) on the area module's rooms as standard
 * addresses (标准地址), households (户), address history, care groups (关爱人群) and restricted key groups (重点人群),
 * houses (实有房屋), units (实有单位), grid worker visits (走访) with the overdue worklist, Excel import and export,
 * the one-box resident search with its sort orders, and the cases a resident reported (read from the cases module,
 * linked at intake through the cases module's ReporterDirectory, which this module implements). ID and phone numbers
 * are encrypted at rest, found through keyed blind indexes and shown masked. Publishes the facades {@link org.gongzhi.people.Residents}, {@link org.gongzhi.people.ResidentImports},
 * {@link org.gongzhi.people.Houses}, {@link org.gongzhi.people.Units}, {@link org.gongzhi.people.Visits},
 * {@link org.gongzhi.people.PeopleGroups} and {@link org.gongzhi.people.PeopleAdministration}, their records, and the
 * events {@link org.gongzhi.people.ResidentsImported} and {@link org.gongzhi.people.ResidentMoved}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "People, houses and units")
package org.gongzhi.people;
