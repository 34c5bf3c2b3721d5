package org.gongzhi.demo;

import java.util.Random;

/**
 * Synthetic Chinese personal names for demo people (common surnames, random given names).
 */
final class DemoNames {

	private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";

	private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红燕鹏辉建文斌宇浩凯婷雪琳晨阳欣怡子涵梓轩思远嘉慧志海";

	private DemoNames() {
	}

	static String person(Random random) {
		StringBuilder b = new StringBuilder();
		b.append(SURNAMES.charAt(random.nextInt(SURNAMES.length())));
		int given = random.nextInt(3) == 0 ? 1 : 2;
		for (int i = 0; i < given; i++) {
			b.append(GIVEN.charAt(random.nextInt(GIVEN.length())));
		}
		return b.toString();
	}

}
