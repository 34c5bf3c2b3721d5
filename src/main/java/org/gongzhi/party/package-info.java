/**
 * Party-building lead (党建引领): owns the Party organisation tree attached to areas (党组织进小区、入楼院、上网格) with
 * committees, member units and alliances, the coverage gaps (空白点), Party members with their public badges (亮身份),
 * the 双报到 of in-service members to their residence community with expiry and renewal, and service posts
 * (设岗定责) with claims and service records, the organisations' own 双报到 (单位党组织报到), the quarterly service
 * cards (季度服务卡) that go back to the employer organisation and the yearly summary (年度服务汇总) for 评优评先,
 * leaders' contact (领导联系社区) with visits and issues taken up, the three lists (三张清单: needs, resources,
 * projects) with two-way claiming (双向认领), matching suggestions and unit accounts (驻区单位账号), branch life
 * (组织生活: 三会一课 and 主题党日 with attendance, minutes and cadence warnings), the yearly star rating of branches
 * (星级评定) with its five-star cap and result history, the overview and the coverage map. Publishes
 * {@link org.gongzhi.party.PartyAdministration}, {@link org.gongzhi.party.PartyListsAdministration},
 * {@link org.gongzhi.party.LeaderContactAdministration} and {@link org.gongzhi.party.BranchLifeAdministration} for
 * bulk set-up, and {@link org.gongzhi.party.PartyDirectory} for reading badges and organisations by area. Reads the
 * residents' satisfaction with closed cases from the cases module's published KPI query, drafts needs from cases
 * (案件转需求), and tells whoever published a need or resource when it is claimed, through the notifications module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Party building")
package org.gongzhi.party;
