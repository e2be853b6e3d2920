/** The registry page at `/dwellings`: the full list with search and filters. */
import { RegistryList } from './RegistryList';
import './dwellings.css';

/** The registry on its own (on tablets the list sits beside a dwelling once one is opened). */
export default function RegistryScreen() {
  return <RegistryList />;
}
