/** The registry's lines, read live from the device store: they follow every sync and every completed checklist. */
import type { Verdict } from '../../../core/rules/verdict';
import type { Dwelling } from '../../../core/schemas/dwelling';
import type { Inspection } from '../../../core/schemas/inspection';
import { repo } from '../../store/repo';
import { useQuery } from '../../store/use-query';
import type { RegistryRow } from './registryFilter';
import { registryRows } from './registryRows';

/** Undefined until the first read; then every dwelling on the device with its verdict. */
export function useRegistryRows(): RegistryRow<Verdict>[] | undefined {
  return useQuery(async () => {
    const [dwellings, inspections] = await Promise.all([repo<Dwelling>('dwelling').list(), repo<Inspection>('inspection').list()]);
    return registryRows(dwellings, inspections);
  }, []);
}
