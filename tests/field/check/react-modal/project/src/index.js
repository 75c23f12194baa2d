import Modal from "./components/Modal";


