import { describe, expect, it } from "vitest";
import { maskPhone } from "../../lib/address/book.ts";
import { formatRegion, toShipColumns } from "../../lib/address/format.ts";
import { addressInputSchema, normalizePhone } from "../../lib/address/schema.ts";
import { fieldErrorsOf } from "../../lib/validation/result.ts";

const valid = {
  name: "  王小明 ",
  phone: "+86 138 1234 5678",
  provinceCode: "440000",
  cityCode: "440300",
  districtCode: "440305",
  detail: " 科技园南区 深南大道 10000 号 ",
};

function errorsOf(input: Record<string, unknown>) {
  const r = addressInputSchema.safeParse(input);
  return r.success ? {} : fieldErrorsOf(r.error);
}

describe("phone normalisation", () => {
  it.each([
    ["13812345678", "13812345678"],
    ["+86 138 1234 5678", "13812345678"],
    ["86-138-1234-5678", "13812345678"],
    ["+8613812345678", "13812345678"],
    [" 199 0000 0000 ", "19900000000"],
    ["１３８１２３４５６７８", "13812345678"],
  ])("accepts %s", (raw, expected) => {
    expect(normalizePhone(raw)).toBe(expected);
  });

  it.each([
    ["12345678901"], // 12x is not a mobile prefix
    ["1381234567"], // 10 digits
    ["138123456789"], // 12 digits
    ["1381234567a"],
    ["abcdefghijk"],
    ["+85 138 1234 5678"],
    ["+86 112 3456 7890"],
    [""],
  ])("refuses %s", (raw) => {
    expect(normalizePhone(raw)).toBeNull();
  });
});

describe("addressInputSchema", () => {
  it("normalises the input and resolves the region names", () => {
    expect(addressInputSchema.parse(valid)).toEqual({
      name: "王小明",
      phone: "13812345678",
      provinceCode: "440000",
      province: "广东省",
      cityCode: "440300",
      city: "深圳市",
      districtCode: "440305",
      district: "南山区",
      detail: "科技园南区 深南大道 10000 号",
    });
  });

  it("puts each error on its own field, as an address.* message key", () => {
    expect(errorsOf({ ...valid, phone: "12345678901" })).toEqual({ phone: ["address.phoneInvalid"] });
    expect(errorsOf({ ...valid, phone: "  " })).toEqual({ phone: ["address.phoneRequired"] });
    expect(errorsOf({ ...valid, name: "   " })).toEqual({ name: ["address.nameRequired"] });
    expect(errorsOf({ ...valid, name: "名".repeat(21) })).toEqual({ name: ["address.nameTooLong"] });
    expect(errorsOf({ ...valid, name: "名".repeat(20) })).toEqual({});
    expect(errorsOf({ ...valid, detail: "1号" })).toEqual({ detail: ["address.detailTooShort"] });
    expect(errorsOf({ ...valid, detail: "x".repeat(121) })).toEqual({ detail: ["address.detailTooLong"] });
    expect(errorsOf({ ...valid, detail: undefined })).toEqual({ detail: ["address.detailRequired"] });
    expect(errorsOf({ ...valid, provinceCode: "" })).toEqual({ provinceCode: ["address.provinceRequired"] });
    expect(errorsOf({ ...valid, districtCode: undefined })).toEqual({ districtCode: ["address.districtRequired"] });
    expect(errorsOf({ ...valid, cityCode: "44O300" })).toEqual({ cityCode: ["address.cityInvalid"] });
  });

  it("blames the level that does not belong: district, city or province", () => {
    expect(errorsOf({ ...valid, districtCode: "440103" })).toEqual({ districtCode: ["address.districtInvalid"] });
    expect(errorsOf({ ...valid, cityCode: "320100", districtCode: "320102" })).toEqual({ cityCode: ["address.cityInvalid"] });
    expect(errorsOf({ ...valid, provinceCode: "810000" })).toEqual({ provinceCode: ["address.provinceInvalid"] });
  });

  it("reports a wrong region together with the other fields' errors", () => {
    expect(errorsOf({ ...valid, phone: "abc", name: "", districtCode: "440103" })).toEqual({
      name: ["address.nameRequired"],
      phone: ["address.phoneInvalid"],
      districtCode: ["address.districtInvalid"],
    });
  });

  it("handles a municipality and a city without districts", () => {
    const bj = addressInputSchema.parse({ ...valid, provinceCode: "110000", cityCode: "110100", districtCode: "110105" });
    expect([bj.province, bj.city, bj.district]).toEqual(["北京市", "北京市", "朝阳区"]);
    expect(formatRegion(bj)).toBe("北京市朝阳区");
    const dg = addressInputSchema.parse({ ...valid, provinceCode: "440000", cityCode: "441900", districtCode: "441900" });
    expect(formatRegion(dg)).toBe("广东省东莞市");
    expect(toShipColumns(dg)).toMatchObject({ shipProvince: "广东省", shipCity: "东莞市", shipPhone: "13812345678" });
  });

  it("refuses a non-object without throwing", () => {
    expect(addressInputSchema.safeParse(null).success).toBe(false);
    expect(addressInputSchema.safeParse("x").success).toBe(false);
  });
});

describe("maskPhone", () => {
  it("hides the middle four digits", () => {
    expect(maskPhone("13812345678")).toBe("138****5678");
    expect(maskPhone("123")).toBe("****");
  });
});

describe("one message per field", () => {
  it("says only 'required' for an empty field", () => {
    expect(errorsOf({ ...valid, detail: "" })).toEqual({ detail: ["address.detailRequired"] });
    expect(errorsOf({ ...valid, cityCode: " " })).toEqual({ cityCode: ["address.cityRequired"] });
  });
});
