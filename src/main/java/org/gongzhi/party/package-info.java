/**
 * Party-building lead (党建引领): owns the Party organisation tree attached to areas (党组织进小区、入楼院、上网格) with
 * committees, member units and alliances, the coverage gaps (空白点), Party members with their public badges (亮身份),
 * the 双报到 of in-service members to their residence community with expiry and renewal, and service posts
 * (设岗定责) with claims and service records, and the three lists (三张清单: needs, resources, projects) with two-way
 * claiming (双向认领), matching suggestions and unit accounts (驻区单位账号). Publishes
 * {@link org.gongzhi.party.PartyAdministration} and {@link org.gongzhi.party.PartyListsAdministration} for bulk set-up
 * and {@link org.gongzhi.party.PartyDirectory} for reading badges and organisations by area.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Party building")
package org.gongzhi.party;
