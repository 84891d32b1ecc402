import { NextIntlClientProvider } from "next-intl";
import { createElement, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { AddressForm } from "../../components/address/address-form.tsx";
import { AddressPicker } from "../../components/address/address-picker.tsx";
import { parseAddressFormData, prefixFieldErrors, readAddressChoice, wantsToSaveAddress } from "../../lib/address/form-data.ts";
import { regionOptionsFor } from "../../lib/address/regions.ts";
import { addressInputSchema } from "../../lib/address/schema.ts";
import en from "../../lib/i18n/messages/en.ts";
import zh from "../../lib/i18n/messages/zh-CN.ts";

function form(entries: Record<string, string>) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(entries)) fd.append(k, v);
  return fd;
}

/** Whether the radio or option with this value is the selected one. */
function isChosen(html: string, value: string) {
  const tag = html.match(new RegExp(`<(input|option)[^>]*value="${value}"[^>]*>`))?.[0] ?? "";
  return /\s(checked|selected)=""/.test(tag);
}

function render(el: ReactElement, locale: "en" | "zh-CN" = "en") {
  return renderToStaticMarkup(
    // eslint-disable-next-line react/no-children-prop -- the provider's props type requires `children` in the props object
    createElement(NextIntlClientProvider, { locale, messages: locale === "en" ? en : zh, timeZone: "Asia/Shanghai", children: el }),
  );
}

describe("parseAddressFormData", () => {
  const posted = {
    "address.name": "李雷",
    "address.phone": "138 1234 5678",
    "address.provinceCode": "110000",
    "address.cityCode": "110100",
    "address.districtCode": "110105",
    "address.detail": "建国路 88 号",
    "address.save": "on",
    message: "not ours",
  };

  it("pulls the prefixed fields for the schema", () => {
    const raw = parseAddressFormData(form(posted));
    expect(raw).toEqual({
      name: "李雷",
      phone: "138 1234 5678",
      provinceCode: "110000",
      cityCode: "110100",
      districtCode: "110105",
      detail: "建国路 88 号",
    });
    expect(addressInputSchema.parse(raw).district).toBe("朝阳区");
    expect(wantsToSaveAddress(form(posted))).toBe(true);
    expect(wantsToSaveAddress(form({}))).toBe(false);
  });

  it("honours another prefix, or none", () => {
    expect(parseAddressFormData(form({ "ship.phone": "1" }), "ship").phone).toBe("1");
    expect(parseAddressFormData(form({ phone: "2" }), "").phone).toBe("2");
    expect(parseAddressFormData(form({})).name).toBeUndefined();
  });

  it("tells a saved address from a new one", () => {
    expect(readAddressChoice(form({ "address.addressId": "abc" }))).toEqual({ kind: "saved", addressId: "abc" });
    const fresh = readAddressChoice(form({ ...posted, "address.addressId": "new" }));
    expect(fresh.kind === "new" && fresh.save && fresh.fields.cityCode).toBe("110100");
    expect(readAddressChoice(form(posted)).kind).toBe("new");
  });

  it("prefixes field errors", () => {
    expect(prefixFieldErrors({ phone: ["address.phoneInvalid"], _form: ["x"] })).toEqual({
      "address.phone": ["address.phoneInvalid"],
      _form: ["x"],
    });
  });
});

describe("AddressForm", () => {
  it("renders labelled fields with stable ids and prefixed names, and no region data of its own", () => {
    const html = render(createElement(AddressForm, {}));
    for (const f of ["name", "phone", "province", "city", "district", "detail"]) {
      expect(html).toContain(`id="address-${f}"`);
      expect(html).toContain(`for="address-${f}"`);
    }
    for (const n of ["name", "phone", "provinceCode", "cityCode", "districtCode", "detail", "save"])
      expect(html).toContain(`name="address.${n}"`);
    expect(html).toContain("Recipient");
    expect(html).toContain("Save to my address book");
    expect(html).not.toContain("北京市");
  });

  it("shows each field's translated error under it", () => {
    const html = render(
      createElement(AddressForm, { errors: { "address.phone": ["address.phoneInvalid"], districtCode: ["address.districtInvalid"] } }),
      "zh-CN",
    );
    expect(html).toContain('id="address-phone-error"');
    expect(html).toContain("请填写 11 位中国大陆手机号");
    expect(html).toContain('id="address-district-error"');
    expect(html).toContain("该区/县不属于所选城市");
    expect(html).toMatch(/id="address-phone"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="address-phone"/);
  });

  it("shows a preloaded region selected, under another prefix", () => {
    const defaultValue = { provinceCode: "440000", cityCode: "440300", districtCode: "440305", name: "韩梅梅" };
    const html = render(
      createElement(AddressForm, { namePrefix: "ship", defaultValue, initialOptions: regionOptionsFor(defaultValue), showSaveOption: false }),
    );
    expect(html).toContain('name="ship.phone"');
    expect(html).toContain('id="ship-phone"');
    expect(html).toContain(">南山区</option>");
    expect(isChosen(html, "440305")).toBe(true);
    expect(isChosen(html, "440300")).toBe(true);
    expect(isChosen(html, "440000")).toBe(true);
    expect(isChosen(html, "440303")).toBe(false);
    expect(html).not.toContain("ship.save");
  });
});

describe("AddressPicker", () => {
  const addresses = [
    { id: "a1", name: "张三", phone: "13812345678", province: "北京市", city: "北京市", district: "朝阳区", detail: "建国路 88 号", isDefault: true },
    { id: "a2", name: "李四", phone: "13900001111", province: "广东省", city: "深圳市", district: "南山区", detail: "科技园", isDefault: false },
  ];

  it("lists saved addresses with masked phones, the default chosen, and a new-address option", () => {
    const html = render(createElement(AddressPicker, { addresses }));
    expect(html).toContain("138****5678");
    expect(html).not.toContain("13812345678");
    expect(html).toContain("北京市朝阳区");
    expect(isChosen(html, "a1")).toBe(true);
    expect(isChosen(html, "new")).toBe(false);
    expect(html).toContain('value="new"');
    expect(html).toContain("Use a new address");
    // The new-address form is not mounted until it is chosen.
    expect(html).not.toContain('name="address.phone"');
  });

  it("opens the new address when its fields came back with errors", () => {
    const html = render(createElement(AddressPicker, { addresses, errors: { "address.phone": ["address.phoneInvalid"] } }));
    expect(isChosen(html, "new")).toBe(true);
    expect(html).toContain('name="address.phone"');
  });

  it("is just the form, choosing 'new', when the book is empty", () => {
    const html = render(createElement(AddressPicker, { addresses: [] }));
    expect(html).toContain('type="hidden" name="address.addressId" value="new"');
    expect(html).toContain('name="address.detail"');
  });
});
