"use client";

// The shipping-address fields (收货人, 手机号码, 省/市/区, 详细地址) to embed inside a
// parent's <form>. It renders inputs only; the parent's server action reads them with
// readAddressChoice / parseAddressFormData (lib/address/form-data.ts) or, all in one,
// shippingAddressFromForm (lib/address/shipping.ts).
//
// Posted names, with the default prefix "address": address.name, address.phone,
// address.provinceCode, address.cityCode, address.districtCode, address.detail, and
// address.save ("on" when ticked). Region names are never posted; the server resolves them.
// The region lists load one level at a time from /api/regions unless `initialOptions`
// (from regionOptionsFor() in a server component) already holds them.
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useRef, useState, type ChangeEvent } from "react";
import { Field, inputClass } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { DEFAULT_ADDRESS_PREFIX, addressFieldName } from "@/lib/address/form-data";
import type { Region, RegionOptions } from "@/lib/address/regions";
import { useKeepValuesOnFormReset } from "./keep-on-reset";
import { loadRegions } from "./regions-client";

export type AddressFormValue = {
  name: string;
  phone: string;
  provinceCode: string;
  cityCode: string;
  districtCode: string;
  detail: string;
  /** The "Save to my address book" box; ticked unless false. */
  save: boolean;
};

export type AddressFormProps = {
  /** Prefix of every posted name (default "address" → "address.phone"); "" for bare names. */
  namePrefix?: string;
  /** Field errors as i18n keys, keyed "address.phone" (prefixed) or "phone". */
  errors?: Record<string, string[]>;
  /**
   * Initial values, read once. The fields are controlled and keep what the user typed,
   * also across the reset React does after a form action; give the form a new `key` to clear it.
   */
  defaultValue?: Partial<AddressFormValue>;
  /** Option lists for the initial region, so nothing needs fetching on first paint. */
  initialOptions?: Partial<RegionOptions>;
  /** Show the "Save to my address book" checkbox (default true). */
  showSaveOption?: boolean;
};

type LevelState = { parent: string | null; items: Region[]; status: "ready" | "loading" | "error" };

/** The options under `parent` ("" = provinces, null = nothing chosen above, so no options). */
function useRegionLevel(parent: string | null, initial: Region[] | undefined) {
  const [state, setState] = useState<LevelState>(() =>
    parent === null
      ? { parent, items: [], status: "ready" }
      : initial?.length
        ? { parent, items: initial, status: "ready" }
        : { parent, items: [], status: "loading" },
  );
  const [attempt, setAttempt] = useState(0);

  // The list held when this parent (or retry) came up: the effect must not refetch a list
  // it already holds (initialOptions), and must not rerun when the list arrives.
  const held = useRef(state);
  useEffect(() => {
    held.current = state;
  });
  useEffect(() => {
    if (parent === null) return;
    const had = held.current;
    if (had.parent === parent && had.status === "ready") return;
    let live = true;
    loadRegions(parent).then(
      (items) => live && setState({ parent, items, status: "ready" }),
      () => live && setState({ parent, items: [], status: "error" }),
    );
    return () => {
      live = false;
    };
  }, [parent, attempt]);

  // Until the effect catches up with a new parent, the old list is not this parent's.
  const current: LevelState =
    parent === null ? { parent, items: [], status: "ready" } : state.parent === parent ? state : { parent, items: [], status: "loading" };
  return {
    ...current,
    retry: () => {
      setState({ parent, items: [], status: "loading" });
      setAttempt((n) => n + 1);
    },
  };
}

function safeId(prefix: string) {
  return (prefix || DEFAULT_ADDRESS_PREFIX).replace(/[^A-Za-z0-9_-]+/g, "-");
}

export function AddressForm({
  namePrefix = DEFAULT_ADDRESS_PREFIX,
  errors = {},
  defaultValue = {},
  initialOptions = {},
  showSaveOption = true,
}: AddressFormProps) {
  const t = useTranslations();
  const locale = useLocale();
  const base = safeId(namePrefix);
  const id = (field: string) => `${base}-${field}`;
  const nameOf = (field: string) => addressFieldName(field, namePrefix);
  const err = (field: string): string | undefined => {
    const key = (errors[nameOf(field)] ?? errors[field])?.[0];
    if (!key) return undefined;
    return t.has(key) ? t(key) : key;
  };

  const rootRef = useKeepValuesOnFormReset<HTMLDivElement>();
  const [name, setName] = useState(defaultValue.name ?? "");
  const [phone, setPhone] = useState(defaultValue.phone ?? "");
  const [detail, setDetail] = useState(defaultValue.detail ?? "");
  const [save, setSave] = useState(defaultValue.save ?? true);
  const [provinceCode, setProvinceCode] = useState(defaultValue.provinceCode ?? "");
  const [cityCode, setCityCode] = useState(defaultValue.cityCode ?? "");
  const [districtCode, setDistrictCode] = useState(defaultValue.districtCode ?? "");

  const provinces = useRegionLevel("", initialOptions.provinces);
  const cities = useRegionLevel(provinceCode || null, initialOptions.cities);
  const districts = useRegionLevel(cityCode || null, initialOptions.districts);

  // A municipality has one city and a city without districts one district: pick it.
  // A stale code (not in the loaded list) is cleared rather than posted.
  useEffect(() => {
    if (cities.status !== "ready" || cities.parent === null) return;
    if (cities.items.length === 1 && !cityCode) setCityCode(cities.items[0].code);
    else if (cityCode && !cities.items.some((c) => c.code === cityCode)) {
      setCityCode("");
      setDistrictCode("");
    }
  }, [cities.status, cities.parent, cities.items, cityCode]);

  useEffect(() => {
    if (districts.status !== "ready" || districts.parent === null) return;
    if (districts.items.length === 1 && !districtCode) setDistrictCode(districts.items[0].code);
    else if (districtCode && !districts.items.some((d) => d.code === districtCode)) setDistrictCode("");
  }, [districts.status, districts.parent, districts.items, districtCode]);

  function onProvince(e: ChangeEvent<HTMLSelectElement>) {
    setProvinceCode(e.target.value);
    setCityCode("");
    setDistrictCode("");
  }
  function onCity(e: ChangeEvent<HTMLSelectElement>) {
    setCityCode(e.target.value);
    setDistrictCode("");
  }

  const select = (
    field: "province" | "city" | "district",
    level: ReturnType<typeof useRegionLevel>,
    value: string,
    onChange: (e: ChangeEvent<HTMLSelectElement>) => void,
    placeholder: string,
    autoComplete: string,
    hint?: string,
  ) => {
    const fid = id(field);
    const error = err(`${field}Code`);
    const describedBy = [hint && !error && `${fid}-hint`, error && `${fid}-error`].filter(Boolean).join(" ") || undefined;
    return (
      <Field id={fid} label={t(`address.${field}`)} error={error} hint={hint}>
        <select
          id={fid}
          name={nameOf(`${field}Code`)}
          value={value}
          onChange={onChange}
          disabled={level.parent === null || level.status !== "ready"}
          autoComplete={autoComplete}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          aria-busy={level.status === "loading" || undefined}
          className={inputClass}
        >
          <option value="">{level.status === "loading" && level.parent !== null ? t("address.loading") : placeholder}</option>
          {level.items.map((r) => (
            <option key={r.code} value={r.code}>
              {r.name}
            </option>
          ))}
        </select>
        {level.status === "error" && (
          <p className="flex items-center gap-2 text-sm text-red-600" role="alert">
            {t("address.loadFailed")}
            <Button variant="ghost" className="px-2 py-1" onClick={level.retry}>
              {t("address.retry")}
            </Button>
          </p>
        )}
      </Field>
    );
  };

  return (
    <div ref={rootRef} className="space-y-4">
      <Field
        id={id("name")}
        name={nameOf("name")}
        label={t("address.name")}
        placeholder={t("address.namePlaceholder")}
        value={name}
        onChange={(e) => setName(e.target.value)}
        autoComplete="name"
        error={err("name")}
      />
      <Field
        id={id("phone")}
        name={nameOf("phone")}
        type="tel"
        inputMode="tel"
        label={t("address.phone")}
        placeholder={t("address.phonePlaceholder")}
        value={phone}
        onChange={(e) => setPhone(e.target.value)}
        autoComplete="tel"
        error={err("phone")}
      />
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-3 sm:gap-2">
        {select(
          "province",
          provinces,
          provinceCode,
          onProvince,
          t("address.selectProvince"),
          "address-level1",
          locale === "zh-CN" ? undefined : t("address.regionHint"),
        )}
        {select("city", cities, cityCode, onCity, t("address.selectCity"), "address-level2")}
        {select("district", districts, districtCode, (e) => setDistrictCode(e.target.value), t("address.selectDistrict"), "address-level3")}
      </div>
      <Field id={id("detail")} label={t("address.detail")} error={err("detail")}>
        <textarea
          id={id("detail")}
          name={nameOf("detail")}
          rows={2}
          placeholder={t("address.detailPlaceholder")}
          value={detail}
          onChange={(e) => setDetail(e.target.value)}
          autoComplete="street-address"
          aria-invalid={err("detail") ? true : undefined}
          aria-describedby={err("detail") ? `${id("detail")}-error` : undefined}
          className={inputClass}
        />
      </Field>
      {showSaveOption && (
        <label htmlFor={id("save")} className="flex items-center gap-2 text-sm text-gray-700">
          <input
            id={id("save")}
            type="checkbox"
            name={nameOf("save")}
            checked={save}
            onChange={(e) => setSave(e.target.checked)}
            className="size-4 rounded border-gray-300 accent-lanbao-500"
          />
          {t("address.save")}
        </label>
      )}
    </div>
  );
}
