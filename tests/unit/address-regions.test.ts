import { describe, expect, it } from "vitest";
import { GET } from "../../app/api/regions/route.ts";
import {
  listCities,
  listDistricts,
  listProvinces,
  regionChildren,
  regionMismatch,
  regionOptionsFor,
  regionStats,
  resolveRegion,
} from "../../lib/address/regions.ts";

describe("region tree", () => {
  it("lists the 31 mainland provinces and leaves out Taiwan, Hong Kong and Macau", () => {
    const provinces = listProvinces();
    expect(provinces).toHaveLength(31);
    expect(provinces[0]).toEqual({ code: "110000", name: "北京市" });
    expect(provinces.map((p) => p.code)).not.toContain("710000");
    expect(provinces.map((p) => p.code)).not.toContain("810000");
    expect(listCities("810000")).toEqual([]);
    const stats = regionStats();
    expect(stats.cities).toBeGreaterThan(330);
    expect(stats.districts).toBeGreaterThan(2800);
  });

  it("resolves a real province / city / district triple to its Chinese names", () => {
    expect(resolveRegion("440000", "440300", "440305")).toEqual({ province: "广东省", city: "深圳市", district: "南山区" });
    expect(resolveRegion("330000", "330100", "330106")).toEqual({ province: "浙江省", city: "杭州市", district: "西湖区" });
  });

  it("refuses a district of another city, a city of another province, and unknown codes", () => {
    // 440103 is 荔湾区 in 广州, not in 深圳.
    expect(resolveRegion("440000", "440300", "440103")).toBeNull();
    expect(regionMismatch("440000", "440300", "440103")).toBe("districtCode");
    // 南京 is in 江苏, not 广东.
    expect(resolveRegion("440000", "320100", "320102")).toBeNull();
    expect(regionMismatch("440000", "320100", "320102")).toBe("cityCode");
    expect(regionMismatch("990000", "440300", "440305")).toBe("provinceCode");
    expect(regionMismatch("810000", "810000", "810001")).toBe("provinceCode");
    // A province code is not a city, a city code is not a district.
    expect(resolveRegion("440000", "440000", "440305")).toBeNull();
    expect(regionMismatch("440000", "440300", "440300")).toBe("districtCode");
  });

  it("gives each municipality a single city level named after it, holding all its districts", () => {
    expect(listCities("110000")).toEqual([{ code: "110100", name: "北京市" }]);
    expect(listCities("310000")).toEqual([{ code: "310100", name: "上海市" }]);
    expect(listCities("120000")).toEqual([{ code: "120100", name: "天津市" }]);
    expect(listCities("500000")).toEqual([{ code: "500100", name: "重庆市" }]);
    expect(listDistricts("110100").map((d) => d.name)).toContain("朝阳区");
    expect(resolveRegion("110000", "110100", "110105")).toEqual({ province: "北京市", city: "北京市", district: "朝阳区" });
    // 重庆's counties (5002xx) sit beside its districts (5001xx) under the one city.
    expect(resolveRegion("500000", "500100", "500229")).toEqual({ province: "重庆市", city: "重庆市", district: "城口县" });
    expect(resolveRegion("500000", "500100", "500103")?.district).toBe("渝中区");
    expect(resolveRegion("500000", "500200", "500229")).toBeNull();
    // Beijing's 朝阳区 is not Shanghai's.
    expect(resolveRegion("310000", "310100", "110105")).toBeNull();
  });

  it("gives a city without districts one district, itself, and lists county-level cities governed by the province", () => {
    expect(listDistricts("441900")).toEqual([{ code: "441900", name: "东莞市" }]);
    expect(resolveRegion("440000", "441900", "441900")).toEqual({ province: "广东省", city: "东莞市", district: "东莞市" });
    expect(listDistricts("620200")).toEqual([{ code: "620200", name: "嘉峪关市" }]);
    const hubei = listCities("420000");
    expect(hubei).toContainEqual({ code: "429004", name: "仙桃市" });
    expect(hubei.some((c) => c.name.includes("直辖"))).toBe(false);
    expect(resolveRegion("420000", "429004", "429004")).toEqual({ province: "湖北省", city: "仙桃市", district: "仙桃市" });
  });

  it("never offers the 市辖区 placeholder as a district", () => {
    for (const p of listProvinces())
      for (const c of listCities(p.code)) expect(listDistricts(c.code).some((d) => d.name === "市辖区")).toBe(false);
  });

  it("serves one level per request, and preloads a form's three lists", async () => {
    expect(regionChildren()).toHaveLength(31);
    expect(regionChildren("440000")?.some((c) => c.name === "深圳市")).toBe(true);
    expect(regionChildren("440300")?.some((d) => d.name === "南山区")).toBe(true);
    expect(regionChildren("123456")).toBeNull();

    const res = await GET(new Request("http://localhost/api/regions?parent=110000"));
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toContain("public");
    expect(await res.json()).toEqual({ items: [{ code: "110100", name: "北京市" }] });
    const root = await GET(new Request("http://localhost/api/regions"));
    expect(((await root.json()) as { items: unknown[] }).items).toHaveLength(31);
    expect((await GET(new Request("http://localhost/api/regions?parent=999999"))).status).toBe(404);
    expect((await GET(new Request("http://localhost/api/regions?parent=abc"))).status).toBe(400);

    const opts = regionOptionsFor({ provinceCode: "440000", cityCode: "440300" });
    expect(opts.provinces).toHaveLength(31);
    expect(opts.cities.some((c) => c.code === "440300")).toBe(true);
    expect(opts.districts.some((d) => d.code === "440305")).toBe(true);
    expect(regionOptionsFor({ provinceCode: "440000", cityCode: "110100" }).districts).toEqual([]);
  });
});
